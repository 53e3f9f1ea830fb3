"""Report wording in English and Japanese (plain tables; no Qt)."""
from __future__ import annotations

SHEETS = {
    "summary": ("Summary", "概要"),
    "cashflow": ("Cash flow", "キャッシュフロー"),
    "battery": ("Battery", "電池"),
    "inputs": ("Inputs", "入力条件"),
    "tariff": ("Tariff", "料金"),
    "notes": ("Notes", "注記"),
    "comparison": ("Comparison", "シナリオ比較"),
}

T = {
    "title": ("V2G / V2H economics", "V2G / V2H 経済性レポート"),
    "prepared_for": ("Prepared for", "お客様"),
    "prepared_by": ("Prepared by", "作成"),
    "scenario": ("Scenario", "シナリオ"),
    "generated": ("Generated", "作成日"),
    "app": ("Calculated with", "計算ツール"),
    "kpis": ("Key figures", "主要な結果"),
    "assumptions": ("Key assumptions", "主な前提条件"),
    "conclusion": ("In short", "まとめ"),
    "payback": ("Payback of the charger", "充放電器の投資回収"),
    "discounted_payback": ("Discounted payback", "割引回収年数"),
    "net": ("Net over {n} years", "{n} 年間の損益合計"),
    "npv": ("Net present value at {rate}", "正味現在価値 (割引率 {rate})"),
    "irr": ("Internal rate of return", "内部収益率 (IRR)"),
    "soh_warranty": ("Battery health at the warranty age, with V2G", "保証期間終了時の電池健全度 (V2G あり)"),
    "soh_warranty_base": ("Battery health at the warranty age, without V2G", "保証期間終了時の電池健全度 (V2G なし)"),
    "soh_end": ("Battery health after {n} years, with V2G", "{n} 年後の電池健全度 (V2G あり)"),
    "soh_end_base": ("Battery health after {n} years, without V2G", "{n} 年後の電池健全度 (V2G なし)"),
    "wear_per_kwh": ("Battery wear cost per kWh discharged", "放電 1 kWh あたりの電池劣化費用"),
    "revenue_per_kwh": ("Net earnings per kWh discharged (before wear)", "放電 1 kWh あたりの純収益 (劣化費用前)"),
    "breakeven": ("Break-even price spread per kWh", "損益分岐となる価格差 (1 kWh あたり)"),
    "wear_total": ("Battery wear cost, total", "電池劣化費用の合計"),
    "range_end": ("Range after {n} years", "{n} 年後の航続距離"),
    "capacity_end": ("Usable battery after {n} years", "{n} 年後の使用可能容量"),
    "unmet": ("Driving energy not available", "不足した走行エネルギー"),
    "not_within": ("not within {n} years", "{n} 年以内に回収できず"),
    "at_once": ("nothing to recover", "回収する費用なし"),
    "years_fmt": ("{v:.1f} years", "{v:.1f} 年"),
    "not_available": ("not available", "未計算"),
    "no_discharge": ("no discharging", "放電なし"),
    "comparison_title": ("Scenarios compared", "シナリオの比較"),
    "comparison_current": ("This scenario", "このシナリオ"),
    "comparison_mode": ("Discharging", "放電の方法"),
    "comparison_failed": ("could not be computed", "計算できませんでした"),
    "mode_none": ("no discharging", "放電なし"),
    "mode_v2h": ("V2H: supply the home", "V2H: 家庭へ給電"),
    "mode_v2g": ("V2G: export to the grid", "V2G: 系統へ放電"),
    "mode_v2h+v2g": ("V2H + V2G", "V2H + V2G"),
    "wear_marginal": ("extra ageing (marginal)", "限界劣化法"),
    "wear_throughput": ("energy throughput", "スループット法"),
    "wear_eol_shift": ("earlier replacement", "交換時期前倒し法"),
    "only_when_profitable": ("only when it pays, margin {margin}/kWh", "得になるときだけ (上乗せ {margin}/kWh)"),
    "always_discharge": ("in every window", "放電時間帯は常に"),
    "warranty_ok": ("Warranty threshold kept", "保証基準を満たす"),
    "yes": ("yes", "はい"),
    "no": ("no", "いいえ"),
    "year": ("Year", "年"),
    "revenue": ("Revenue", "収入"),
    "savings": ("Savings", "節約額"),
    "charging_cost": ("Charging cost", "充電費用"),
    "wear_cost": ("Battery wear", "電池劣化費用"),
    "wear_cost_marginal": ("Wear: marginal fade", "劣化: 限界劣化法"),
    "wear_cost_throughput": ("Wear: throughput", "劣化: スループット法"),
    "wear_cost_eol_shift": ("Wear: end-of-life shift", "劣化: 交換時期前倒し法"),
    "capex": ("Purchase and replacement", "購入・交換費用"),
    "other_costs": ("O&M", "保守費用"),
    "net_cash_flow": ("Net cash flow", "正味キャッシュフロー"),
    "cumulative_cash_flow": ("Cumulative", "累積"),
    "total": ("Total", "合計"),
    "soh": ("Health with V2G", "健全度 (V2G あり)"),
    "soh_low": ("Health, low (−1σ)", "健全度 下限 (−1σ)"),
    "soh_high": ("Health, high (+1σ)", "健全度 上限 (+1σ)"),
    "soh_baseline": ("Health without V2G", "健全度 (V2G なし)"),
    "warranty_line": ("Warranty threshold", "保証基準"),
    "efc": ("Full cycles with V2G", "等価サイクル数 (V2G あり)"),
    "efc_baseline": ("Full cycles without V2G", "等価サイクル数 (V2G なし)"),
    "energy_charged_kwh": ("Charged (AC)", "充電量 (AC)"),
    "energy_charged_grid_kwh": ("from the grid", "うち系統から"),
    "energy_charged_pv_kwh": ("from solar", "うち太陽光から"),
    "energy_driven_kwh": ("Driving", "走行"),
    "energy_exported_kwh": ("To the grid", "系統へ放電"),
    "energy_to_home_kwh": ("To the home", "家庭へ給電"),
    "losses_kwh": ("Losses", "損失"),
    "unmet_driving_kwh": ("Driving not available", "走行不足"),
    "chart_cum": ("Cumulative cash flow", "累積キャッシュフロー"),
    "chart_soh": ("Battery health with and without V2G", "電池健全度 (V2G あり・なし)"),
    "chart_yearly": ("Yearly revenue and battery wear", "年間の収益と電池劣化費用"),
    "chart_years": ("Year", "年"),
    "field": ("Input", "項目"),
    "value": ("Value", "値"),
    "unit": ("Unit", "単位"),
    "meaning": ("Meaning", "説明"),
    "presets": ("Data sources of the presets used", "使用したプリセットの出典"),
    "preset": ("Preset", "プリセット"),
    "as_of": ("As of", "時点"),
    "source": ("Source", "出典"),
    "confidence": ("Status", "確度"),
    "verified": ("read in a source", "出典で確認済み"),
    "uncertain": ("example value, please confirm", "例示値 (要確認)"),
    "import_prices": ("Import prices (first matching row applies)", "購入単価 (最初に一致した行を適用)"),
    "export_prices": ("Export prices", "売電単価"),
    "months": ("Months", "月"),
    "days": ("Days", "曜日区分"),
    "start": ("From", "開始"),
    "end": ("To", "終了"),
    "price": ("Price per kWh", "単価 (1 kWh あたり)"),
    "flat_export": ("Flat export price", "売電単価 (一律)"),
    "add_on": ("Added to every kWh bought", "購入 1 kWh ごとの加算額"),
    "programme": ("Programme payments", "プログラム報酬"),
    "all": ("all", "全日"),
    "weekday": ("weekdays", "平日"),
    "weekend_holiday": ("weekends and holidays", "土日祝"),
    "notes_models": ("Models used", "使用したモデル"),
    "notes_limits": ("Limits", "制約"),
    "notes_disclaimer": ("Disclaimer", "ご注意"),
    "notes_warnings": ("Remarks from this calculation", "今回の計算での注意事項"),
    "none": ("none", "なし"),
}

NOTES_MODELS = [
    ("Battery ageing: semi-empirical, electrochemically informed cell model ({cell}); calendar ageing with "
     "Arrhenius temperature and graphite-potential (Safari–Delacourt) terms, cycle ageing from ASTM E1049-85 "
     "rainflow cycles; equations re-implemented from NREL BLAST-Lite (BSD-3) and the papers it cites. Cell "
     "losses are multiplied by a pack factor of {pack_factor:g}; the band is ±1σ of the ageing rate ({sigma:.0%}).",
     "電池劣化: 電気化学的知見に基づく半経験的セルモデル ({cell})。温度 (アレニウス) と負極電位 (Safari–Delacourt) "
     "に依存するカレンダー劣化と、ASTM E1049-85 レインフロー法によるサイクル劣化。式は NREL BLAST-Lite (BSD-3) と"
     "その引用論文に基づき再実装。セルの劣化にパック係数 {pack_factor:g} を掛け、幅は劣化速度の ±1σ ({sigma:.0%})。"),
    ("Energy: step-by-step simulation ({step} min) of driving, charging ({strategy}), V2H/V2G discharging, solar "
     "and household use over {n} years, with the battery's fading capacity fed back every year; the same car "
     "without V2G/V2H is simulated as the baseline.",
     "エネルギー: 走行・充電 ({strategy})・V2H/V2G 放電・太陽光・家庭の電力使用を {step} 分刻みで {n} 年間"
     "シミュレーション。電池容量の劣化を毎年反映し、V2G/V2H なしの同じ車を基準として比較。"),
    ("Money: every yearly amount is the difference with V2G/V2H minus without. Battery wear method: {wear}; the "
     "three methods (marginal fade, Kempton & Tomić 2005 throughput, end-of-life shift) are listed side by side "
     "on the cash-flow sheet. NPV at {rate} per year; payback interpolated within the year.",
     "金額: 各年の金額は V2G/V2H ありとなしの差。電池劣化費用の算定方法: {wear}。3 つの方法 (限界劣化法、"
     "Kempton & Tomić 2005 のスループット法、交換時期前倒し法) をキャッシュフローのシートに併記。割引率 {rate} で"
     "正味現在価値を計算し、回収年数は年内で線形補間。"),
]
#: how the car decides to discharge (participation.only_when_profitable)
DISPATCH_NOTES = {
    True: ("Discharging: only when a kWh delivered is worth more than recharging it at the cheapest chance in the "
           "next 24 hours, after the charging and discharging losses, plus {margin} per kWh.",
           "放電: 放電 1 kWh の価値が、充放電の損失を含めて今後 24 時間で最も安く充電し直す費用に 1 kWh あたり "
           "{margin} を加えた額を上回るときだけ放電します。"),
    False: ("Discharging: in every step of the V2H/V2G windows, whatever the prices (as an aggregator that "
            "dispatches the car would).",
            "放電: 料金に関係なく、V2H/V2G の放電時間帯にはいつも放電します (アグリゲーターによる制御を想定)。"),
}
NOTES_LIMITS = [
    ("Cell-level ageing data scaled to the pack; no lithium plating, fast charging or knee beyond the published "
     "test range. Model spread between cell types is larger than the ±1σ band.",
     "セル試験データをパックに換算しています。リチウム析出・急速充電・試験範囲外の急激な劣化は含みません。"
     "セルの種類によるモデル間の差は ±1σ の幅より大きくなります。"),
    ("Household load and solar yield are typical profiles, not measurements of this home.",
     "家庭の電力使用量と太陽光発電量は代表的なプロファイルで、このお宅の実測値ではありません。"),
]
DISCLAIMER = (
    "All prices, subsidies and equipment costs are example values as of {as_of} from the sources listed on the "
    "Inputs sheet; values marked 'example value, please confirm' must be checked before a decision. This is a "
    "simulation, not a guarantee of savings or battery life.",
    "料金・補助金・機器費用はすべて {as_of} 時点の例示値で、出典は「入力条件」シートに記載しています。"
    "「例示値 (要確認)」の値はご判断の前に必ずご確認ください。本レポートはシミュレーションであり、節約額や"
    "電池寿命を保証するものではありません。",
)
CONCLUSION_PAYS = (
    "With these example values the charger pays for itself after {pb} years. Over {n} years the household gains "
    "{net} in total (net present value {npv} at {rate}), after a battery wear cost of {wear}.",
    "この例示値では、充放電器は {pb} 年で投資を回収します。{n} 年間の損益合計は {net} (割引率 {rate} での正味現在価値 "
    "{npv}) で、電池劣化費用 {wear} を差し引いた後の金額です。",
)
CONCLUSION_NOT = (
    "With these example values the charger does not pay for itself within {n} years: over {n} years the total is "
    "{net} (net present value {npv} at {rate}), including a battery wear cost of {wear}.",
    "この例示値では、{n} 年以内に充放電器の投資は回収できません。{n} 年間の損益合計は {net} (割引率 {rate} での"
    "正味現在価値 {npv}) で、電池劣化費用 {wear} を含みます。",
)
CONCLUSION_NOTHING_TO_RECOVER = (
    "With these example values there is no cost to recover: the cumulative cash flow never goes below zero. "
    "Over {n} years the total is {net} (net present value {npv} at {rate}), after a battery wear cost of {wear}.",
    "この例示値では回収する費用がありません (累積収支が一度もマイナスになりません)。{n} 年間の損益合計は {net} "
    "(割引率 {rate} での正味現在価値 {npv}) で、電池劣化費用 {wear} を差し引いた後の金額です。",
)
CONCLUSION_SOH = (
    "Battery health at the warranty age: {soh_v} with V2G/V2H against {soh_b} without (warranty threshold "
    "{thr}).",
    "保証期間終了時の電池健全度は V2G/V2H ありで {soh_v}、なしで {soh_b} です (保証基準 {thr})。",
)


def t(key: str, lang: str, **kw) -> str:
    en, ja = T[key]
    return (ja if lang == "ja" else en).format(**kw)


def pick(pair: tuple[str, str], lang: str, **kw) -> str:
    return (pair[1] if lang == "ja" else pair[0]).format(**kw)


def sheet(key: str, lang: str) -> str:
    en, ja = SHEETS[key]
    return ja if lang == "ja" else en
