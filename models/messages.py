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
        "ja": "{path}: JSON として読み込めません (行 {line}、列 {col}: {detail})",
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
    template = table.get(lang) or table["en"]
    try:
        return template.format(path=path, value=_show(value), **params)
    except (KeyError, IndexError, ValueError):
        return table["en"].format(path=path, value=_show(value), **params)


def _show(value) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text
