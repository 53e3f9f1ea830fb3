"""The five cell ageing models: identity, sources, validity ranges, descriptions.

Each :class:`CellModel` names the data behind it, the range of conditions
the ageing tests covered (``validity``) and a plain-language description in
English and Japanese for the UI.  Inputs outside the validity range do not
stop a simulation: they add a warning to the results (see
:class:`models.ageing.AgeingStepper`).

Pack factor
-----------
:data:`DEFAULT_PACK_FACTOR` = 1.2 multiplies cell losses to estimate pack
losses.  Source: NREL BLAST-Lite README (1.1.1): "pack life is typically
20-30 % shorter than cell life"; 1.2 sits at the lenient end of that range.
"""
from __future__ import annotations

from dataclasses import dataclass, field


# ``code`` values are the model codes of :mod:`models.ageing.rates` (KOKAM=0 ... SONY=4); this
# module does not import the compiled rates so that listing the models stays cheap.

#: Multiplier on cell losses for a pack (BLAST-Lite README: pack life typically
#: 20-30 % shorter than cell life).
DEFAULT_PACK_FACTOR = 1.2

__all__ = ["CellModel", "CELLS", "CELL_IDS", "DEFAULT_PACK_FACTOR", "get_cell"]


@dataclass(frozen=True)
class CellModel:
    """Metadata of one cell ageing model (the equations live in :mod:`.rates`).

    ``validity`` keys: ``temp_c`` (cycling temperature range tested, degC),
    ``calendar_temp_c``, ``dod`` (cycle depths tested, fraction),
    ``max_charge_c`` / ``max_discharge_c`` (highest C-rates tested, 1/h).
    """

    id: str
    code: int
    name: str
    chemistry: str
    capacity_ah: float
    blast_class: str
    sources: tuple[str, ...]
    validity: dict = field(default_factory=dict)
    mechanisms: str = ""
    description_en: str = ""
    description_ja: str = ""
    has_resistance: bool = False

    def description(self, lang: str = "en") -> str:
        return self.description_ja if lang.startswith("ja") else self.description_en


_BLAST = ("P. Gasper, K. Smith et al., NREL BLAST-Lite 1.1.1 (2025), "
          "https://github.com/NREL/BLAST-Lite (model equations; BSD-3-Clause)")

CELLS: dict[str, CellModel] = {c.id: c for c in (
    CellModel(
        id="nmc111_gr_kokam75ah", code=0, name="Kokam 75 Ah NMC111/graphite pouch",
        chemistry="NMC111/Gr", capacity_ah=75.0, blast_class="Nmc111_Gr_Kokam75Ah_Battery",
        sources=("K. Smith, A. Saxon, M. Keyser, B. Lundstrom et al., 'Life prediction model for "
                 "grid-connected Li-ion battery energy storage system', American Control "
                 "Conference 2017, https://ieeexplore.ieee.org/document/7963578 (ageing data)",
                 "NREL refit of that data in BLAST-Lite (P. Gasper)", _BLAST),
        validity={"temp_c": (0.0, 45.0), "calendar_temp_c": (0.0, 55.0), "dod": (0.8, 1.0),
                  "max_charge_c": 1.0, "max_discharge_c": 1.0},
        mechanisms="calendar LLI (Arrhenius x Tafel in graphite potential, t^0.357); cycling LLI "
                   "(EFC^0.778, DoD and T); LAM knee (sigmoid in EFC); capacity = min(LLI, LAM); "
                   "resistance growth",
        description_en="Grid-storage NMC pouch cell tested at 0-55 °C, mostly 80 % deep cycles at 1C. "
                       "Storage at high charge and heat dominate its ageing; it has no C-rate effect. "
                       "A conservative, well-documented default for NMC packs.",
        description_ja="定置用 NMC ラミネートセル (0～55 °C, 主に 80 % 深放電・1C で試験)。"
                       "高い充電率での保管と高温が劣化の主因で、充放電レートの影響は含みません。"
                       "NMC 電池の標準的で保守的なモデルです。",
        has_resistance=True),
    CellModel(
        id="nmc622_gr_denso50ah", code=1, name="DENSO 50 Ah NMC622/graphite automotive cell",
        chemistry="NMC622/Gr", capacity_ah=50.0, blast_class="Nmc622_Gr_DENSO50Ah_Battery",
        sources=("K. Smith et al., J. Electrochem. Soc. 168 (2021) 100530, "
                 "doi:10.1149/1945-7111/ac2ebd (DENSO cell ageing data and life model)", _BLAST),
        validity={"temp_c": (10.0, 60.0), "calendar_temp_c": (10.0, 60.0), "dod": (0.1, 1.0),
                  "max_charge_c": 1.0, "max_discharge_c": 1.0},
        mechanisms="calendar SEI (sqrt t, polynomial in SoC, Arrhenius); cycling loss scales with "
                   "the SEI rate and rises at low temperature (cracking/plating proxy, negative "
                   "activation energies) and with sqrt(DoD x charge C-rate)",
        description_en="Automotive NMC cell tested at 10-60 °C and 10-100 % SoC. Its storage fade "
                       "is largest near half charge, and cycling wears it faster in the cold and "
                       "with fast charging. Break-in terms of the paper are not used.",
        description_ja="車載用 NMC セル (10～60 °C, SoC 10～100 % で試験)。保管劣化は SoC 50 % 付近で"
                       "最大になり、低温や急速充電でのサイクル劣化が大きくなります。論文の初期"
                       "なじみ項は使っていません。"),
    CellModel(
        id="lfp_gr_250ah", code=2, name="250 Ah LFP/graphite prismatic cell",
        chemistry="LFP/Gr", capacity_ah=250.0, blast_class="Lfp_Gr_250AhPrismatic",
        sources=("P. Gasper et al., J. Energy Storage 73 (2023) 109042, "
                 "doi:10.1016/j.est.2023.109042 (data and model, Tables A.4/A.5)", _BLAST),
        validity={"temp_c": (10.0, 45.0), "calendar_temp_c": (10.0, 45.0), "dod": (0.8, 1.0),
                  "max_charge_c": 0.65, "max_discharge_c": 1.0},
        mechanisms="calendar SEI (Arrhenius x Tafel in graphite potential, t^0.526); cycling "
                   "(EFC^0.828) with DoD and C-rate; fitted cycling fade falls with temperature",
        description_en="Large LFP cell from a high-volume maker, tested at 10-45 °C with gentle "
                       "charging (≤ 0.65C). Calendar fade is modest; the fitted cycling fade is "
                       "nearly the same at every tested temperature, so it decreases slightly in "
                       "the heat. Newer LFP cells often last longer: treat as conservative.",
        description_ja="大手メーカーの大型 LFP 角形セル (10～45 °C, 0.65C 以下の緩やかな充電で試験)。"
                       "保管劣化は小さめで、サイクル劣化は温度によらずほぼ一定 (高温でわずかに減少) "
                       "と推定されています。新しい LFP セルはより長寿命のことが多く、保守的な値です。"),
    CellModel(
        id="nca_gr_panasonic3ah", code=3, name="Panasonic NCR18650B NCA/graphite 3.2 Ah",
        chemistry="NCA/Gr", capacity_ah=3.2, blast_class="Nca_Gr_Panasonic3Ah_Battery",
        sources=("P. Keil et al., J. Electrochem. Soc. 163 (2016) A1872, doi:10.1149/2.0411609jes "
                 "(calendar data)",
                 "Y. Preger et al., J. Electrochem. Soc. (2020), doi:10.1149/1945-7111/abae37 "
                 "(cycling data, batteryarchive.org)",
                 "NREL fit of both data sets in BLAST-Lite (P. Gasper)", _BLAST),
        validity={"temp_c": (15.0, 35.0), "calendar_temp_c": (25.0, 50.0), "dod": (0.8, 1.0),
                  "max_charge_c": 0.5, "max_discharge_c": 2.0},
        mechanisms="calendar (Arrhenius, exponential in SoC, t^0.512); cycling (EFC^0.699) with "
                   "DoD and C-rate, practically temperature independent; no knee",
        description_en="Tesla-type NCA 18650 cell. Storage tests at 25-50 °C over many SoC "
                       "levels; cycling tests at 15-35 °C. High storage SoC and heat age it "
                       "fastest. The knee seen in deep cycling is not modelled.",
        description_ja="テスラ系の NCA 18650 セル。保管試験は 25～50 °C・多くの SoC、サイクル試験は "
                       "15～35 °C。高い SoC での保管と高温で最も早く劣化します。深いサイクルで"
                       "見られる急劣化 (ニー) はモデル化されていません。"),
    CellModel(
        id="lfp_gr_sony3ah", code=4, name="Sony/Murata US26650FTC1 LFP/graphite 3 Ah",
        chemistry="LFP/Gr", capacity_ah=3.0, blast_class="Lfp_Gr_SonyMurata3Ah_Battery",
        sources=("M. Naumann et al., J. Energy Storage 17 (2018) 153, doi:10.1016/j.est.2018.01.019 "
                 "(calendar data)",
                 "M. Naumann et al., J. Power Sources 451 (2020) 227666, "
                 "doi:10.1016/j.jpowsour.2019.227666 (cycling data)",
                 "P. Gasper et al., J. Electrochem. Soc. (2022), doi:10.1149/1945-7111/ac86a8 "
                 "(NREL model identification)", _BLAST),
        validity={"temp_c": (25.0, 45.0), "calendar_temp_c": (0.0, 60.0), "dod": (0.8, 1.0),
                  "max_charge_c": 1.0, "max_discharge_c": 2.0},
        mechanisms="calendar LLI: sigmoid in time with asymptote and shape set by T and graphite "
                   "potential; cycling: (q5 EFC)^1.13 with DoD and C-rate, no temperature term; "
                   "resistance growth (Naumann)",
        description_en="High-power LFP 26650 cell with very long cycle life (TU Munich data). "
                       "Calendar fade levels off over the years; cycling wear depends on depth "
                       "and C-rate but not on temperature (cycling tests only at 25 and 45 °C).",
        description_ja="ミュンヘン工科大学のデータによる高出力 LFP 26650 セル (非常に長いサイクル寿命)。"
                       "保管劣化は年とともに頭打ちになり、サイクル劣化は深さとレートに依存し温度には"
                       "依存しません (サイクル試験は 25 °C と 45 °C のみ)。",
        has_resistance=True),
)}

CELL_IDS: tuple[str, ...] = tuple(CELLS)


def get_cell(cell_id: str) -> CellModel:
    """Return the :class:`CellModel` for ``cell_id`` (``ValueError`` naming the valid ids otherwise)."""
    try:
        return CELLS[cell_id]
    except KeyError:
        raise ValueError(f"unknown cell model {cell_id!r}; valid ids: {', '.join(CELL_IDS)}") from None
