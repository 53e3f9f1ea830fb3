class ProfileError(ValueError): pass
def read_profile(*a, **k): raise NotImplementedError
def write_trajectory_csv(*a, **k): raise NotImplementedError
