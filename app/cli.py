"""``v2g-calc``: the command line of V2G Calculator.

    v2g-calc                         open the app (same as ``v2g-calc gui``)
    v2g-calc gui [SCENARIO]          open the app, optionally on a scenario file
    v2g-calc run SCENARIO|--demo [--json OUT] [--lang en|ja]
    v2g-calc validate SCENARIO [--lang en|ja]
    v2g-calc init PATH [--force]     write the demo scenario
    v2g-calc import-prices SCENARIO PRICES [--area A] [--use export|import|both] [--out OUT]
    v2g-calc degrade PROFILE.csv --cell ID [--years N] [--out OUT.csv]

Exit codes: 0 ok, 2 invalid input (message on stderr, no traceback),
1 internal error.  No Qt is imported unless the GUI is opened.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback

EXIT_OK, EXIT_INTERNAL, EXIT_INVALID = 0, 1, 2

LABELS = {
    "currency": ("Currency", "通貨"),
    "discount_rate": ("Discount rate", "割引率"),
    "horizon_years": ("Horizon (years)", "評価期間 (年)"),
    "npv": ("Net present value", "正味現在価値 (NPV)"),
    "irr": ("Internal rate of return", "内部収益率 (IRR)"),
    "simple_payback_years": ("Payback (years)", "単純回収年数"),
    "discounted_payback_years": ("Discounted payback (years)", "割引回収年数"),
    "total_net": ("Net over the horizon", "期間合計の損益"),
    "soh_end": ("Battery health at the end, with V2G", "期間終了時の電池健全度 (V2G あり)"),
    "soh_end_baseline": ("Battery health at the end, without V2G", "期間終了時の電池健全度 (V2G なし)"),
    "soh_at_warranty": ("Health at warranty age, with V2G", "保証期間終了時の健全度 (V2G あり)"),
    "soh_at_warranty_baseline": ("Health at warranty age, without V2G", "保証期間終了時の健全度 (V2G なし)"),
    "warranty_ok": ("Warranty threshold kept", "保証基準を満たす"),
    "wear_method": ("Wear cost method", "劣化費用の算定方法"),
    "wear_cost_total": ("Battery wear cost, total", "電池劣化費用の合計"),
    "revenue_per_kwh_discharged": ("Revenue per kWh discharged", "放電 1 kWh あたりの収益"),
    "wear_cost_per_kwh_discharged": ("Wear cost per kWh discharged", "放電 1 kWh あたりの劣化費用"),
    "breakeven_spread_per_kwh": ("Break-even price spread per kWh", "損益分岐の価格差 (1 kWh あたり)"),
    "remaining_capacity_kwh_end": ("Usable capacity at the end (kWh)", "期間終了時の使用可能容量 (kWh)"),
    "remaining_range_km_end": ("Range at the end (km)", "期間終了時の航続距離 (km)"),
    "unmet_driving_kwh_total": ("Driving energy not available (kWh)", "不足した走行エネルギー (kWh)"),
}
TEXT = {
    "not_available": ("not available", "未計算"),
    "never": ("not within the horizon", "期間内に回収できず"),
    "nothing_to_recover": ("0 (nothing to recover)", "0 (回収する費用なし)"),
    "status_partial": ("Partial result: some figures are not computed yet.",
                       "一部の結果は未計算です。"),
    "valid": ("{path}: valid scenario", "{path}: 有効なシナリオです"),
    "problems": ("{path}: {n} problem(s)", "{path}: {n} 件の問題があります"),
    "exists": ("{path} exists; use --force to overwrite it", "{path} は既に存在します。上書きするには --force を付けてください"),
    "written": ("wrote {path}", "{path} を書き出しました"),
    "internal": ("internal error: {detail}", "内部エラー: {detail}"),
    "yes": ("yes", "はい"),
    "no": ("no", "いいえ"),
    "warning": ("warning", "注意"),
    "no_discharge": ("no discharging", "放電なし"),
}


def _t(key: str, lang: str, **kw) -> str:
    en, ja = TEXT[key]
    return (ja if lang == "ja" else en).format(**kw)


def format_summary(result_dict: dict, lang: str = "en") -> str:
    """Short human summary of a results dict (``Result.to_dict()``)."""
    idx = 1 if lang == "ja" else 0
    summary = result_dict.get("summary", {})
    cur = summary.get("currency", "")
    lines = []
    for key, labels in LABELS.items():
        label = labels[idx]
        if key not in summary:
            value = _t("not_available", lang)
        else:
            value = _format_value(key, summary[key], cur, lang)
        lines.append(f"{label:<40} {value}")
    if result_dict.get("status") != "complete":
        lines.append("")
        lines.append(_t("status_partial", lang))
    warnings = result_dict.get("warnings_ja" if lang == "ja" else "warnings") or result_dict.get("warnings", [])
    for w in warnings:
        lines.append(f"{_t('warning', lang)}: {w}")
    return "\n".join(lines)


def _format_value(key, v, cur, lang):
    if key in ("simple_payback_years", "discounted_payback_years"):
        return _t("never", lang) if v is None else _t("nothing_to_recover", lang) if v == 0.0 else f"{v:.1f}"
    if key == "irr":
        return _t("not_available", lang) if v is None else f"{100 * v:.1f} %"
    if v is None and key in ("revenue_per_kwh_discharged", "wear_cost_per_kwh_discharged",
                             "breakeven_spread_per_kwh"):
        return _t("no_discharge", lang)
    if isinstance(v, bool):
        return _t("yes" if v else "no", lang)
    if key in ("npv", "total_net", "wear_cost_total"):
        return f"{v:,.0f} {cur}" if cur == "JPY" else f"{v:,.2f} {cur}"
    if key.endswith("_per_kwh") or key.endswith("_per_kwh_discharged"):
        return f"{v:,.2f} {cur}/kWh"
    if key.startswith("soh"):
        return f"{100 * v:.1f} %"
    if key == "discount_rate":
        return f"{100 * v:.1f} %"
    if isinstance(v, float):
        return f"{v:,.1f}"
    return str(v)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="v2g-calc", description="V2G Calculator (V2G 経済性シミュレーター)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help="open the app")
    p.add_argument("scenario", nargs="?", help="scenario file (*.v2g.json)")
    p.add_argument("--lang", choices=("en", "ja"), default=None)

    p = sub.add_parser("run", help="simulate a scenario and print a summary")
    p.add_argument("scenario", nargs="?", help="scenario file (*.v2g.json)")
    p.add_argument("--demo", action="store_true", help="use the built-in demo scenario")
    p.add_argument("--json", metavar="OUT", help="write the full results (JSON) to OUT")
    p.add_argument("--xlsx", metavar="OUT", help="write the customer report (Excel) to OUT")
    p.add_argument("--dealer", default="", help="dealer name printed on the report")
    p.add_argument("--customer", default="", help="customer name printed on the report")
    p.add_argument("--lang", choices=("en", "ja"), default="en")

    p = sub.add_parser("validate", help="check a scenario file and list every problem")
    p.add_argument("scenario")
    p.add_argument("--lang", choices=("en", "ja"), default="en")

    p = sub.add_parser("init", help="write the demo scenario to PATH")
    p.add_argument("path")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--lang", choices=("en", "ja"), default="en")

    p = sub.add_parser("import-prices", help="embed a price series (JEPX spot_summary or timestamp,price) "
                                             "into a scenario")
    p.add_argument("scenario", help="scenario file to read (*.v2g.json)")
    p.add_argument("prices", help="price file: JEPX spot_summary_<FY>.csv, or CSV/XLSX with timestamp,price")
    p.add_argument("--area", default="tokyo", help="JEPX area column (system, tokyo, kansai, kyushu, ...)")
    p.add_argument("--use", choices=("export", "import", "both"), default="export",
                   help="which price follows the series (default: export)")
    p.add_argument("--import-adder", type=float, default=0.0, help="added to the series for the import price")
    p.add_argument("--import-multiplier", type=float, default=1.0)
    p.add_argument("--export-adder", type=float, default=0.0, help="added to the series for the export price")
    p.add_argument("--export-multiplier", type=float, default=1.0)
    p.add_argument("--out", help="where to write the scenario (default: overwrite SCENARIO)")
    p.add_argument("--lang", choices=("en", "ja"), default="en")

    try:
        from app import cli_degrade
    except ImportError:
        cli_degrade = None
    if cli_degrade is not None:
        cli_degrade.add_parser(sub)
    return parser


def _print_problems(err, lang: str, source: str) -> None:
    print(_t("problems", lang, path=source, n=len(err.problems)), file=sys.stderr)
    for prob in err.problems:
        print(f"  - {prob.message(lang)}", file=sys.stderr)


def _cmd_run(args) -> int:
    from models import scenario as sc
    from models import simulate

    if args.demo == bool(args.scenario):
        print("run: give a scenario file or --demo (not both)", file=sys.stderr)
        return EXIT_INVALID
    try:
        scenario = sc.demo() if args.demo else sc.load(args.scenario)
    except sc.ScenarioError as err:
        _print_problems(err, args.lang, args.scenario or "demo")
        return EXIT_INVALID
    result = simulate(scenario).to_dict()
    if args.json:
        try:
            sc.atomic_write_text(args.json, json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        except OSError as exc:
            print(f"{args.json}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_INVALID
    if args.xlsx:
        from app.report import ReportFileLockedError, write_report

        try:
            write_report(result, scenario, args.xlsx, lang=args.lang, dealer_name=args.dealer,
                         customer_name=args.customer)
        except ReportFileLockedError as exc:
            print(exc.message(args.lang), file=sys.stderr)
            return EXIT_INVALID
        except OSError as exc:
            print(f"{args.xlsx}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_INVALID
    print(f"{scenario.name}")
    print(format_summary(result, args.lang))
    return EXIT_OK


def _cmd_validate(args) -> int:
    from models import scenario as sc

    try:
        sc.load(args.scenario)
    except sc.ScenarioError as err:
        _print_problems(err, args.lang, args.scenario)
        return EXIT_INVALID
    print(_t("valid", args.lang, path=args.scenario))
    return EXIT_OK


def _cmd_init(args) -> int:
    from models import scenario as sc

    if os.path.exists(args.path) and not args.force:
        print(_t("exists", args.lang, path=args.path), file=sys.stderr)
        return EXIT_INVALID
    try:
        sc.save(sc.demo(), args.path)
    except OSError as exc:
        print(f"{args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    print(_t("written", args.lang, path=args.path))
    return EXIT_OK


def _cmd_import_prices(args) -> int:
    from models import price_import as pi
    from models import scenario as sc

    try:
        scenario = sc.load(args.scenario)
    except sc.ScenarioError as err:
        _print_problems(err, args.lang, args.scenario)
        return EXIT_INVALID
    try:
        series = pi.read_price_file(args.prices, area=args.area, country=scenario.country)
    except pi.PriceImportError as err:
        print(_t("problems", args.lang, path=args.prices, n=len(err.problems)), file=sys.stderr)
        for msg in err.messages(args.lang):
            print(f"  - {msg}", file=sys.stderr)
        return EXIT_INVALID
    try:
        new = pi.embed(scenario, series, use=args.use, import_multiplier=args.import_multiplier,
                       import_adder_per_kwh=args.import_adder, export_multiplier=args.export_multiplier,
                       export_adder_per_kwh=args.export_adder)
    except sc.ScenarioError as err:
        _print_problems(err, args.lang, args.prices)
        return EXIT_INVALID
    out = args.out or args.scenario
    try:
        sc.save(new, out)
    except OSError as exc:
        print(f"{out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    print(_t("written", args.lang, path=out) + f" ({len(series.values_per_kwh)} x {series.step_minutes} min)")
    return EXIT_OK


def _cmd_gui(args) -> int:
    from app.main import main as gui_main

    argv = []
    if getattr(args, "scenario", None):
        argv += ["--scenario", args.scenario]
    if getattr(args, "lang", None):
        argv += ["--lang", args.lang]
    return gui_main(argv)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # usage errors exit 2 (invalid input)
    lang = getattr(args, "lang", None) or "en"
    try:
        if args.command in (None, "gui"):
            return _cmd_gui(args)
        if args.command == "run":
            return _cmd_run(args)
        if args.command == "validate":
            return _cmd_validate(args)
        if args.command == "init":
            return _cmd_init(args)
        if args.command == "import-prices":
            return _cmd_import_prices(args)
        if args.command == "degrade":
            from app import cli_degrade

            return cli_degrade.run(args)
        parser.error(f"unknown command {args.command}")
    except KeyboardInterrupt:
        return EXIT_INTERNAL
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("V2G_DEBUG"):
            traceback.print_exc()
        print(_t("internal", lang, detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
