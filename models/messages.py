"""Plain message tables (English and Japanese) for validation problems.

No Qt here: the GUI, the CLI and the report all format the same
:class:`Problem` objects through :func:`format_message`.
"""
from __future__ import annotations

#: code -> {lang: template}. Templates use ``str.format`` with the problem's
#: ``params`` plus ``path`` and ``value``.
MESSAGES: dict[str, dict[str, str]] = {
    "not_object": {
        "en": "{path}: expected an object ({{...}}), got {value}",
        "ja": "{path}: オブジェクト ({{...}}) が必要ですが、{value} でした",
    },
    "unknown_key": {
        "en": "{path}: unknown field{suggestion_en}",
        "ja": "{path}: 不明な項目です{suggestion_ja}",
    },
    "wrong_type": {
        "en": "{path}: {value} is not {expected_en}",
        "ja": "{path}: {value} は{expected_ja}ではありません",
    },
    "out_of_range": {
        "en": "{path}: {value} is outside the allowed range {lo} to {hi}{unit}",
        "ja": "{path}: {value} は許容範囲 {lo} ～ {hi}{unit} の外です",
    },
    "not_choice": {
        "en": "{path}: {value} is not one of {choices}",
        "ja": "{path}: {value} は次のいずれでもありません: {choices}",
    },
    "bad_time": {
        "en": "{path}: {value} is not a time of day in the form HH:MM (00:00 to 23:59)",
        "ja": "{path}: {value} は HH:MM 形式の時刻 (00:00～23:59) ではありません",
    },
    "bad_window": {
        "en": "{path}: {value} is not a time window in the form HH:MM-HH:MM",
        "ja": "{path}: {value} は HH:MM-HH:MM 形式の時間帯ではありません",
    },
    "bad_date": {
        "en": "{path}: {value} is not a date in the form YYYY-MM-DD",
        "ja": "{path}: {value} は YYYY-MM-DD 形式の日付ではありません",
    },
    "bad_datetime": {
        "en": "{path}: {value} is not a date and time in ISO 8601 form (YYYY-MM-DDTHH:MM)",
        "ja": "{path}: {value} は ISO 8601 形式の日時 (YYYY-MM-DDTHH:MM) ではありません",
    },
    "bad_length": {
        "en": "{path}: needs {n} values, got {got}",
        "ja": "{path}: {n} 個の値が必要ですが、{got} 個でした",
    },
    "bad_length_range": {
        "en": "{path}: needs between {lo} and {hi} values, got {got}",
        "ja": "{path}: 値は {lo} ～ {hi} 個必要ですが、{got} 個でした",
    },
    "duplicate": {
        "en": "{path}: {value} is listed twice",
        "ja": "{path}: {value} が重複しています",
    },
    "empty_list": {
        "en": "{path}: at least one entry is needed",
        "ja": "{path}: 少なくとも 1 件の入力が必要です",
    },
    "bad_currency": {
        "en": "{path}: {value} is not a three-letter ISO currency code such as JPY, GBP, USD, EUR",
        "ja": "{path}: {value} は 3 文字の ISO 通貨コード (JPY, GBP, USD, EUR など) ではありません",
    },
    "bad_country": {
        "en": "{path}: {value} is not a supported country code ({choices})",
        "ja": "{path}: {value} は対応している国コード ({choices}) ではありません",
    },
    "shape_sum": {
        "en": "{path}: the shares must add up to more than zero",
        "ja": "{path}: 配分の合計は 0 より大きくなければなりません",
    },
    "not_finite": {
        "en": "{path}: {value} is not a finite number",
        "ja": "{path}: {value} は有限の数値ではありません",
    },
    "tariff_gap": {
        "en": "{path}: no price covers {month_en} {daytype_en} at {time}",
        "ja": "{path}: {month_ja} の{daytype_ja} {time} の料金が設定されていません",
    },
    "trip_order": {
        "en": "{path}: return time {ret} must be later than departure time {dep} on the same day",
        "ja": "{path}: 帰宅時刻 {ret} は同じ日の出発時刻 {dep} より後でなければなりません",
    },
    "soc_order": {
        "en": "{path}: {value} must not be above {other_path} ({other})",
        "ja": "{path}: {value} は {other_path} ({other}) を超えてはいけません",
    },
    "eol_order": {
        "en": "{path}: end-of-life health {value} must be below the starting health {other}",
        "ja": "{path}: 寿命判定の健全度 {value} は開始時の健全度 {other} より低くなければなりません",
    },
    "subsidy_too_large": {
        "en": "{path}: subsidy {value} is larger than charger price plus installation ({other})",
        "ja": "{path}: 補助金 {value} が機器代と工事費の合計 ({other}) を超えています",
    },
    "file_too_large": {
        "en": "{path}: the file is {size_mb:.1f} MB; scenario files are limited to {limit_mb:.0f} MB",
        "ja": "{path}: ファイルサイズが {size_mb:.1f} MB です。シナリオファイルの上限は {limit_mb:.0f} MB です",
    },
    "not_json": {
        "en": "{path}: the file is not valid JSON (line {line}, column {col}: {detail})",
        "ja": "{path}: JSON として読み込めません (行 {line}、列 {col})",   # the parser's detail is English
    },
    "not_utf8": {
        "en": "{path}: the file is not UTF-8 text",
        "ja": "{path}: ファイルが UTF-8 テキストではありません",
    },
    "cannot_read": {
        "en": "{path}: cannot read the file ({detail})",
        "ja": "{path}: ファイルを読み込めません ({detail})",
    },
    "newer_schema": {
        "en": "{path}: the file was written by a newer version (schema {value}); this version reads up to {other}",
        "ja": "{path}: 新しいバージョンで作成されたファイルです (スキーマ {value})。このバージョンは {other} までしか読めません",
    },
}

TYPE_NAMES = {
    "number": ("a number", "数値"),
    "integer": ("a whole number", "整数"),
    "text": ("text", "文字列"),
    "bool": ("true or false", "true または false"),
    "list": ("a list", "リスト"),
    "object": ("an object", "オブジェクト"),
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")
MONTHS_JA = tuple(f"{m}月" for m in range(1, 13))
DAYTYPE_NAMES = {
    "weekday": ("weekdays", "平日"),
    "weekend_holiday": ("weekends and holidays", "土日祝"),
}


def format_message(code: str, lang: str, path: str, value, params: dict) -> str:
    """Render one problem in ``lang`` ("en" or "ja"); unknown codes fall back to English."""
    table = MESSAGES.get(code)
    if table is None:
        return f"{path}: {code} {params}"
    return _render(table, lang, dict(params, path=path, value=_show(value)))


def _render(table: dict[str, str], lang: str, params: dict) -> str:
    """``table[lang]`` formatted with ``params``; English when the language or a parameter is missing."""
    template = table.get(lang) or table["en"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return table["en"].format(**params)


def _show(value) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


# --------------------------------------------------------------------------
# Warnings of a result (and of preset changes), in English and Japanese
# --------------------------------------------------------------------------
#: code -> {lang: template}; ``str.format`` with the note's parameters.
NOTES: dict[str, dict[str, str]] = {
    "no_ageing": {
        "en": "Battery ageing model not available: capacity fade is not applied (usable capacity stays at "
              "the initial health) and battery health is not reported.",
        "ja": "電池劣化モデルを利用できません。容量低下は反映されず (使用可能容量は開始時の健全度のまま)、"
              "電池の健全度は表示されません。",
    },
    "soh_floor": {
        "en": "Battery health {run_en} fell below {floor_pct} in year {year}; the usable capacity is held at "
              "{floor_pct} of new.",
        "ja": "{run_ja}の電池健全度が {year} 年目に {floor_pct} を下回りました。使用可能容量は新品の "
              "{floor_pct} に固定しています。",
    },
    "unmet_driving": {
        "en": "The car could not supply {kwh} kWh of driving energy over the years ({run_en}).",
        "ja": "期間中、走行に必要な電力のうち {kwh} kWh を車の電池で賄えませんでした ({run_ja})。",
    },
    "event_estimate": {
        "en": "Event payments are estimated: {hours} event hours × {kw} kW × {plugged_pct} plugged in during "
              "the event window = {kwh} kWh per year; events are not simulated step by step.",
        "ja": "イベント報酬は概算です: 年間イベント {hours} 時間 × {kw} kW × イベント時間帯の接続率 "
              "{plugged_pct} = 年間 {kwh} kWh。イベントは時間刻みでは計算していません。",
    },
    "irr_not_unique": {
        "en": "The cash flows change sign several times, so the internal rate of return is not unique "
              "({roots}) and is not shown.",
        "ja": "キャッシュフローの符号が何度も変わるため内部収益率が一つに定まらず ({roots})、表示していません。",
    },
    "no_discharge": {
        "en": "The car discharges nothing in this scenario: per-kWh figures are not shown.",
        "ja": "このシナリオでは車から放電しないため、1 kWh あたりの数値は表示しません。",
    },
    "warranty_beyond_horizon": {
        "en": "The warranty age ({age} years) is beyond the years simulated: health at the warranty age is "
              "extrapolated from the last three years.",
        "ja": "電池保証の終了 ({age} 年) が計算期間より後のため、保証終了時の健全度は最後の 3 年間から外挿しています。",
    },
    "below_warranty": {
        "en": "Battery health at the end of the warranty is below the guaranteed {limit_pct} because of V2G/V2H.",
        "ja": "V2G/V2H の影響で、保証終了時の電池健全度が保証値 {limit_pct} を下回ります。",
    },
    "below_warranty_anyway": {
        "en": "Battery health at the end of the warranty is below the guaranteed {limit_pct} even without V2G/V2H.",
        "ja": "V2G/V2H を使わなくても、保証終了時の電池健全度が保証値 {limit_pct} を下回ります。",
    },
    "wear_above_margin": {
        "en": "Battery wear costs {wear} per kWh discharged, more than the margin of {margin} per kWh required "
              "before discharging: raise \"Minimum margin per kWh\" to about {suggest} to discharge only when it "
              "also pays for the wear.",
        "ja": "放電 1 kWh あたりの電池劣化費用 ({wear_ja}) が、放電に必要な 1 kWh あたりの上乗せ額 ({margin_ja}) を"
              "上回っています。劣化分も回収できるときだけ放電するには「1 kWh あたりの最低上乗せ額」を約 {suggest_ja}に"
              "してください。",
    },
    "subsidy_closed": {
        "en": "The subsidy ({name}) accepted applications until {until}, before the start date {start}: "
              "check the programme that is open now before quoting it.",
        "ja": "補助金 ({name_ja}) の申請受付は {until} までで、開始日 {start} より前に終了しています。"
              "提示する前に、現在募集中の制度を確認してください。",
    },
    "preset_currency": {
        "en": "{name}: prices are in {preset_currency} but the scenario uses {currency}; money amounts were "
              "not copied.",
        "ja": "{name}: 価格の通貨が {preset_currency} ですが、シナリオは {currency} です。金額はコピーしていません。",
    },
    "preset_currency_skipped": {
        "en": "{name}: prices are in {preset_currency} but the scenario uses {currency}, so it was not applied; "
              "change the scenario's currency first.",
        "ja": "{name}: 価格の通貨が {preset_currency} ですが、シナリオは {currency} のため適用していません。"
              "先にシナリオの通貨を変更してください。",
    },
    "preset_subsidy_reset": {
        "en": "{name}: the subsidy {subsidy} no longer fits this charger and was set to 0.",
        "ja": "{name}: 補助金 {subsidy} はこの充放電器には合わないため 0 にしました。",
    },
}

RUN_NAMES = {
    "v2g": ("with V2G/V2H", "V2G/V2H あり"),
    "baseline": ("without V2G/V2H", "V2G/V2H なし"),
}


def note_text(code: str, lang: str, params: dict) -> str:
    """Render a note in ``lang`` ("en" or "ja"; unknown codes or languages fall back to English)."""
    return _render(NOTES[code], lang, params)


class Note(str):
    """A warning: its ``str`` value is the English text; :meth:`text` renders it in another language.

    Results keep ``warnings`` as plain strings (the contract); the Japanese texts
    are added by :meth:`models.results.Result.to_dict` as ``warnings_ja``.
    """

    code: str
    params: dict

    def __new__(cls, code: str, **params):
        obj = super().__new__(cls, note_text(code, "en", params))
        obj.code = code
        obj.params = dict(params)
        return obj

    def text(self, lang: str) -> str:
        return note_text(self.code, lang, self.params)

    def __reduce__(self):  # picklable (worker threads, multiprocessing)
        return (_make_note, (self.code, self.params))


def _make_note(code, params):
    return Note(code, **params)


def translate(warning, lang: str) -> str:
    """A warning in ``lang``: :class:`Note` objects are rendered, other strings returned as they are."""
    return warning.text(lang) if isinstance(warning, Note) else str(warning)


#: currency signs used instead of the ISO code (the app's money formats use the same table)
CURRENCY_SYMBOLS = {"JPY": "¥", "USD": "$", "GBP": "£", "EUR": "€"}


def per_kwh_decimals(value: float) -> int:
    """Decimals :func:`money_per_kwh` shows by default: one from 1 up, two below 1, none for zero."""
    a = abs(float(value))
    return 0 if a == 0 else (1 if a >= 1 else 2)


def money_per_kwh(value: float, currency: str, name: str, decimals: int | None = None) -> dict:
    """``{name: English text, name_ja: Japanese text}`` of a small amount such as a price per kWh.

    One decimal from 1 up, two below 1, none for zero (:func:`per_kwh_decimals`), unless
    ``decimals`` is given: ``¥5.9`` / ``5.9 円``, ``£0.04`` / ``0.04 GBP``.
    """
    v = float(value)
    a = abs(v)
    text = f"{a:,.{per_kwh_decimals(v) if decimals is None else decimals}f}"
    sign = "\u2212" if v < 0 else ""
    sym = CURRENCY_SYMBOLS.get(currency)
    en = f"{sign}{sym}{text}" if sym else f"{sign}{text} {currency}"
    ja = f"{sign}{text} 円" if currency == "JPY" else en
    return {name: en, f"{name}_ja": ja}


def run_names(run: str) -> dict:
    en, ja = RUN_NAMES[run]
    return {"run_en": en, "run_ja": ja}
