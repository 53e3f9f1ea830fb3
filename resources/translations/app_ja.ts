<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BrandingDialog</name>
    <message>
        <location filename="../../app/branding.py" line="14"/>
        <source>Dealer branding</source>
        <translation>販売店の表示設定</translation>
    </message>
    <message>
        <location filename="../../app/branding.py" line="20"/>
        <source>PNG or JPEG file</source>
        <translation>PNG または JPEG ファイル</translation>
    </message>
    <message>
        <location filename="../../app/branding.py" line="21"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../app/branding.py" line="23"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../app/branding.py" line="31"/>
        <source>Dealer name</source>
        <translation>販売店名</translation>
    </message>
    <message>
        <location filename="../../app/branding.py" line="32"/>
        <source>Dealer logo</source>
        <translation>販売店ロゴ</translation>
    </message>
    <message>
        <location filename="../../app/branding.py" line="33"/>
        <source>Customer name</source>
        <translation>お客様名</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../app/charts.py" line="479"/>
        <source>not available</source>
        <translation>算出できません</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="511"/>
        <source>This figure is not available for this scenario.</source>
        <translation>このシナリオではこのグラフを表示できません。</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="591"/>
        <source>Battery health (%)</source>
        <extracomment>room above 100 % (fraction of the shown range) for the &quot;Warranty ends&quot; label, so it never touches a curve (health never exceeds 100 %) nor the x axis</extracomment>
        <translation>電池の健全度 (%)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="592"/>
        <location filename="../../app/charts.py" line="683"/>
        <source>Years</source>
        <translation>経過年数</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="604"/>
        <source>Uncertainty range</source>
        <translation>予測の幅</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="603"/>
        <location filename="../../app/charts.py" line="1154"/>
        <source>Without V2G/V2H</source>
        <translation>V2G/V2H なし</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="602"/>
        <location filename="../../app/charts.py" line="1153"/>
        <source>With V2G/V2H</source>
        <translation>V2G/V2H あり</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="631"/>
        <source>End of life %1 %</source>
        <translation>寿命の目安 %1 %</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="633"/>
        <source>Warranty limit %1 %</source>
        <translation>保証の基準 %1 %</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="653"/>
        <source>Warranty ends (%1 years)</source>
        <translation>保証終了 (%1 年)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="664"/>
        <source>Year %1: with V2G/V2H %2 %, without %3 %</source>
        <translation>%1 年目: V2G/V2H あり %2 %、なし %3 %</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="668"/>
        <source> (range %1–%2 %)</source>
        <translation> (予測の幅 %1～%2 %)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="710"/>
        <source>Cumulative cash flow (%1)</source>
        <translation>累積収支 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="730"/>
        <source>Nothing to recover: never below zero</source>
        <translation>回収する費用なし: 累積収支は一度もマイナスになりません</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="731"/>
        <source>Pays back after %1 years</source>
        <translation>%1 年で回収</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="737"/>
        <source>Does not pay back within %1 years</source>
        <translation>%1 年以内には回収できません</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="751"/>
        <source>After year %1: %2 in total</source>
        <translation>%1 年目終了時点: 累計 %2</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="757"/>
        <source>Revenue</source>
        <translation>売電・報酬収入</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="758"/>
        <source>Savings on the bill</source>
        <translation>電気代の節約</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="759"/>
        <source>Extra charging cost</source>
        <translation>充電代の増加</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="760"/>
        <location filename="../../app/charts.py" line="821"/>
        <source>Battery wear</source>
        <translation>電池の劣化</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="761"/>
        <source>Maintenance</source>
        <translation>保守費用</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="762"/>
        <source>Charger replacement</source>
        <translation>充放電器の交換</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="775"/>
        <source>Year of operation (purchase in year 0 not shown)</source>
        <translation>利用年 (0 年目の購入費は表示していません)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="798"/>
        <source>Per year (%1)</source>
        <translation>年間 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1118"/>
        <source>Rainflow cycles per square (log scale)</source>
        <translation>マスごとのレインフロー回数 (対数目盛)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1164"/>
        <source>%1 rainflow cycles of all sizes</source>
        <translation>レインフロー回数 %1 (大小すべて)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1160"/>
        <source>%1 equivalent full cycles in %2 years</source>
        <translation>%2 年間の等価フルサイクル %1 回</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1196"/>
        <source>Depth %1–%2 %, mean charge %3–%4 %: %5 rainflow cycles with V2G/V2H, %6 without</source>
        <translation>深さ %1～%2 %、平均充電率 %3～%4 %: レインフロー回数 V2G/V2H あり %5 回、なし %6 回</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="784"/>
        <source>Net per year</source>
        <translation>年間の損益</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="853"/>
        <source>Year %1: net %2 (%3)</source>
        <translation>%1 年目: 損益 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="858"/>
        <source>Winter</source>
        <translation>冬</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="858"/>
        <source>Spring</source>
        <translation>春</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="859"/>
        <source>Summer</source>
        <translation>夏</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="859"/>
        <source>Autumn</source>
        <translation>秋</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="860"/>
        <source>Weekday</source>
        <translation>平日</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="861"/>
        <source>Weekend / holiday</source>
        <translation>土日祝</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="864"/>
        <source>Driving</source>
        <translation>走行</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="867"/>
        <source>Car → home (V2H)</source>
        <translation>EV → 家庭 (V2H)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="868"/>
        <source>Car → grid (V2G)</source>
        <translation>EV → 電力網 (V2G)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="932"/>
        <source>Charge (%)</source>
        <translation>充電率 (%)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="934"/>
        <source>Hour of day</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="937"/>
        <location filename="../../app/charts.py" line="1018"/>
        <source>Reserve %1 %</source>
        <translation>非常用残量 %1 %</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="863"/>
        <source>Car battery (+ charge / − discharge)</source>
        <translation>EV 電池 (+充電 / −放電)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="820"/>
        <source>Battery wear (above 0: less than without V2G/V2H)</source>
        <translation>電池の劣化 (0 より上: V2G/V2H なしより少ない)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="865"/>
        <source>Solar</source>
        <translation>太陽光</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="866"/>
        <source>Home use</source>
        <translation>家庭の使用</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="869"/>
        <source>Grid (+ buy / − sell)</source>
        <translation>電力網 (+買電 / −売電)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="939"/>
        <source>Car away</source>
        <translation>EV 外出中</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1080"/>
        <source>charge %1 %</source>
        <translation>充電率 %1 %</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1083"/>
        <source>car away: driving uses %1 kW</source>
        <translation>EV 外出中: 走行に %1 kW</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1086"/>
        <source>car %1 kW</source>
        <translation>EV %1 kW</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1087"/>
        <source>car → home %1 kW</source>
        <translation>EV → 家庭 %1 kW</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1088"/>
        <source>car → grid %1 kW</source>
        <translation>EV → 電力網 %1 kW</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1092"/>
        <source>grid %1 kW</source>
        <translation>電力網 %1 kW</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1094"/>
        <source>price %1</source>
        <translation>単価 %1</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1110"/>
        <source>Cycle depth (% of capacity)</source>
        <translation>充放電の深さ (容量の %)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1111"/>
        <source>Mean charge (%)</source>
        <translation>平均充電率 (%)</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="1184"/>
        <source>Point at a square to see how many cycles of that depth and mean charge occur over the whole period.</source>
        <translation>マスにマウスを合わせると、その深さ・平均充電率の充放電が期間全体で何回あるかを表示します。</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../app/compare.py" line="89"/>
        <source>Duplicate current as variant</source>
        <extracomment>where a comparison cell or column title may be broken onto two lines, best first: before a parenthesis, after a space, after the Japanese particles of &quot;N 年以内に / 回収できず&quot;. Japanese has no spaces, so Qt&apos;s own wrapping may break inside a word (&quot;回収で / きず&quot;); a cell that is too wide is broken at the candidate that gives the shorter longer line instead.</extracomment>
        <translation>現在のシナリオを複製</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="90"/>
        <source>Keep a copy of the current inputs to compare with (Ctrl+D)</source>
        <translation>現在の入力のコピーを比較用に残します (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="91"/>
        <source>Compare without charger / V2H only / V2H + V2G</source>
        <translation>充放電器なし / V2H のみ / V2H + V2G を比較</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="95"/>
        <source>Remove all variants</source>
        <translation>比較用をすべて削除</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="138"/>
        <source>Battery health (%)</source>
        <translation>電池の健全度 (%)</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="141"/>
        <location filename="../../app/compare.py" line="142"/>
        <source>Years</source>
        <translation>経過年数</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="148"/>
        <source>Tip: duplicate the current scenario, then change the inputs: the copy stays here for comparison.</source>
        <translation>ヒント: 現在のシナリオを複製してから入力を変えると、複製した方がここに残り比較できます。</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="157"/>
        <source>Pays back after</source>
        <translation>投資回収までの期間</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="157"/>
        <source>Net gain</source>
        <translation>期間合計の損益</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="158"/>
        <source>Net present value</source>
        <translation>正味現在価値 (NPV)</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="158"/>
        <source>Health at warranty end</source>
        <translation>保証終了時の健全度</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="159"/>
        <source>Health at the end</source>
        <translation>期間終了時の健全度</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="159"/>
        <source>Battery wear cost</source>
        <translation>電池の劣化費用</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="160"/>
        <source>Driving energy missing</source>
        <translation>走行に不足した電力量</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="203"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="139"/>
        <location filename="../../app/compare.py" line="255"/>
        <source>Cumulative (%1)</source>
        <translation>累積収支 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="92"/>
        <source>Replace the variants with the current scenario without discharging, with V2H only and with V2H + V2G</source>
        <translation>比較用シナリオを、現在のシナリオの「放電なし」「V2H のみ」「V2H + V2G」に置き換えます</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="303"/>
        <source>computing…</source>
        <translation>計算中…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/dialogs.py" line="34"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="35"/>
        <source>Save the changes to “%1”?</source>
        <translation>「%1」の変更を保存しますか?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="45"/>
        <source>Recover unsaved scenario</source>
        <translation>未保存のシナリオの復元</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="46"/>
        <source>The app was closed without saving a scenario (last change %1). Recover it?</source>
        <translation>前回、シナリオを保存せずにアプリが終了しました (最終変更 %1)。復元しますか?</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="52"/>
        <source>Open scenario</source>
        <translation>シナリオを開く</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="57"/>
        <source>Save scenario</source>
        <translation>シナリオを保存</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="62"/>
        <source>Export report</source>
        <translation>レポートを出力</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="67"/>
        <source>Import price series</source>
        <translation>価格系列の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="87"/>
        <source>Choose logo</source>
        <translation>ロゴを選択</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="95"/>
        <source>File is in use</source>
        <translation>ファイルが使用中です</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="96"/>
        <source>“%1” is open in another program (for example Excel), so it cannot be replaced. Close it there and choose Retry, or save under another name.</source>
        <translation>「%1」は別のアプリ (Excel など) で開かれているため、上書きできません。そちらで閉じてから「再試行」を選ぶか、別の名前で保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="99"/>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="100"/>
        <source>Save as another name…</source>
        <translation>別の名前で保存…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="111"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="112"/>
        <source>Sorry, something unexpected happened. Your scenario is kept and autosaved; you can carry on working.</source>
        <translation>申し訳ありません。予期しない問題が発生しました。シナリオは保持され自動保存されていますので、このまま作業を続けられます。</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="115"/>
        <source>Details were written to %1</source>
        <translation>詳細は %1 に記録されました</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="118"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../app/fields.py" line="26"/>
        <source>Vehicle &amp; battery</source>
        <extracomment>section id -&gt; (title, preset kinds, field paths)</extracomment>
        <translation>車両・電池</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="30"/>
        <source>Driving</source>
        <translation>走行</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="35"/>
        <source>Home &amp; solar</source>
        <translation>住宅・太陽光</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="37"/>
        <source>V2G/V2H participation</source>
        <translation>V2G/V2H の利用条件</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="42"/>
        <source>Tariff</source>
        <translation>電気料金</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="47"/>
        <source>Charger &amp; finance</source>
        <translation>充放電器・費用</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="56"/>
        <source>Scenario name</source>
        <translation>シナリオ名</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="57"/>
        <source>Usable battery capacity</source>
        <translation>使用可能な電池容量</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="58"/>
        <source>Battery health today</source>
        <translation>現在の電池健全度</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="59"/>
        <source>Worn-out at health</source>
        <translation>寿命とみなす健全度</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="60"/>
        <source>Battery warranty</source>
        <translation>電池保証期間</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="61"/>
        <source>Warranty distance</source>
        <translation>保証走行距離</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="62"/>
        <source>Guaranteed health</source>
        <translation>保証される健全度</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="63"/>
        <source>Replacement pack cost</source>
        <translation>電池交換費用</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="64"/>
        <source>Cell ageing model</source>
        <translation>電池劣化モデル</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="65"/>
        <source>Pack ageing factor</source>
        <translation>パック劣化係数</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="66"/>
        <source>Rated cycle life</source>
        <translation>定格サイクル寿命</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="67"/>
        <source>Cycle-life depth</source>
        <translation>サイクル寿命の放電深度</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="68"/>
        <source>Ageing uncertainty (1σ)</source>
        <translation>劣化の不確かさ (1σ)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="69"/>
        <source>Weekday distance</source>
        <translation>平日の走行距離</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="70"/>
        <source>Weekend distance</source>
        <translation>休日の走行距離</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="71"/>
        <source>Weekday departure</source>
        <translation>平日の出発時刻</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="72"/>
        <source>Weekday return</source>
        <translation>平日の帰宅時刻</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="73"/>
        <source>Weekend departure</source>
        <translation>休日の出発時刻</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="74"/>
        <source>Weekend return</source>
        <translation>休日の帰宅時刻</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="75"/>
        <source>Energy use</source>
        <translation>電費</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="76"/>
        <source>Charging strategy</source>
        <translation>充電のしかた</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="77"/>
        <source>Charge up to</source>
        <translation>充電の上限</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="78"/>
        <source>Household use</source>
        <translation>家庭の電力使用量</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="79"/>
        <source>Solar PV size</source>
        <translation>太陽光発電の容量</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="80"/>
        <source>Discharge mode</source>
        <translation>放電の方式</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="81"/>
        <source>Discharge days</source>
        <translation>放電する曜日</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="82"/>
        <source>Discharge hours</source>
        <translation>放電する時間帯</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="83"/>
        <source>Energy-use factor, Jan to Dec</source>
        <translation>月別の電費係数 (1～12 月)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="84"/>
        <source>Distance factor, Jan to Dec</source>
        <translation>月別の走行距離係数 (1～12 月)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="85"/>
        <source>Event months</source>
        <translation>イベントのある月</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="86"/>
        <source>Time step</source>
        <translation>計算の時間刻み (分)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="87"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="88"/>
        <source>Public holidays of</source>
        <translation>祝日カレンダー</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="89"/>
        <source>Discharge power</source>
        <translation>放電電力</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="90"/>
        <source>Backup reserve</source>
        <translation>非常用の残量</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="91"/>
        <source>Charge at departure</source>
        <translation>出発時の充電率</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="92"/>
        <source>Daily discharge cap</source>
        <translation>1 日の放電上限</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="93"/>
        <source>Discharge only when it pays</source>
        <translation>得になるときだけ放電</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="94"/>
        <source>Minimum margin per kWh</source>
        <translation>1 kWh あたりの最低上乗せ額</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="95"/>
        <source>Import prices by time of day</source>
        <translation>時間帯別の購入単価</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="96"/>
        <source>Export prices by time of day (empty = flat price)</source>
        <translation>時間帯別の売電単価 (空欄 = 一律単価)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="97"/>
        <source>Levies per kWh bought</source>
        <translation>購入 1 kWh あたりの加算額</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="98"/>
        <source>Market-linked price series</source>
        <translation>市場連動の価格系列</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="99"/>
        <source>Export price</source>
        <translation>売電単価</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="100"/>
        <source>V2G payment per kWh</source>
        <translation>V2G 報酬 (1 kWh あたり)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="101"/>
        <source>Availability per kW-year</source>
        <translation>待機報酬 (kW・年あたり)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="102"/>
        <source>Availability per kW-hour</source>
        <translation>待機報酬 (kW・時間あたり)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="103"/>
        <source>Event payment</source>
        <translation>イベント報酬</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="104"/>
        <source>Event hours</source>
        <translation>イベント時間</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="105"/>
        <source>Event hours of day</source>
        <translation>イベントの時間帯</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="106"/>
        <source>Fixed credit</source>
        <translation>固定報酬</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="107"/>
        <source>Free car charging</source>
        <translation>EV 充電代の負担</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="108"/>
        <source>Import price trend</source>
        <translation>購入単価の年間変化</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="109"/>
        <source>Export price trend</source>
        <translation>売電単価の年間変化</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="110"/>
        <source>Charger price</source>
        <translation>充放電器の価格</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="111"/>
        <source>Installation</source>
        <translation>設置工事費</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="112"/>
        <source>Subsidy</source>
        <translation>補助金</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="113"/>
        <source>Charging power</source>
        <translation>充電電力</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="114"/>
        <source>Discharging power</source>
        <translation>放電電力 (機器)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="115"/>
        <source>Charging efficiency</source>
        <translation>充電効率</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="116"/>
        <source>Discharging efficiency</source>
        <translation>放電効率</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="117"/>
        <source>Standby power</source>
        <translation>待機電力</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="118"/>
        <source>Charger life</source>
        <translation>充放電器の寿命</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="119"/>
        <source>Maintenance</source>
        <translation>保守費用</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="120"/>
        <source>Ordinary charger price</source>
        <translation>普通充電器の価格</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="121"/>
        <source>Count extra cost only</source>
        <translation>差額のみ費用に計上</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="122"/>
        <source>Discount rate</source>
        <translation>割引率</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="123"/>
        <source>Wear-cost method</source>
        <translation>劣化費用の算定方法</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="124"/>
        <source>Years evaluated</source>
        <translation>評価期間</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="125"/>
        <source>Start date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="129"/>
        <source>Vehicle</source>
        <translation>車種</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="130"/>
        <source>Charger</source>
        <translation>充放電器</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="131"/>
        <source>Subsidy programme</source>
        <translation>補助金制度</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="132"/>
        <source>Electricity plan</source>
        <translation>電気料金プラン</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="133"/>
        <source>Household type</source>
        <translation>世帯タイプ</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="134"/>
        <source>Solar location</source>
        <translation>太陽光の設置条件</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="135"/>
        <source>Climate</source>
        <translation>気候</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="146"/>
        <source>every day</source>
        <extracomment>where a preset kind records the id it came from</extracomment>
        <translation>全日</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="147"/>
        <source>weekdays</source>
        <translation>平日</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="148"/>
        <source>weekends and holidays</source>
        <translation>土日祝</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="150"/>
        <source>No discharging</source>
        <translation>放電しない</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="151"/>
        <source>V2H: supply the home</source>
        <translation>V2H: 家庭へ給電</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="152"/>
        <source>V2G: export to the grid</source>
        <translation>V2G: 電力網へ放電</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="153"/>
        <source>V2H + V2G</source>
        <translation>V2H + V2G</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="156"/>
        <source>As soon as plugged in</source>
        <translation>接続したらすぐ</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="157"/>
        <source>Cheapest hours</source>
        <translation>安い時間帯に</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="158"/>
        <source>Solar first, then cheapest</source>
        <translation>太陽光優先、次に安い時間帯</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="161"/>
        <source>Extra ageing (marginal)</source>
        <translation>追加劣化分 (限界費用)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="162"/>
        <source>Energy throughput</source>
        <translation>放電量比例 (スループット)</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="163"/>
        <source>Earlier replacement</source>
        <translation>電池交換の前倒し</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="165"/>
        <source>5 minutes</source>
        <translation>5 分</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="165"/>
        <source>15 minutes</source>
        <translation>15 分</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="166"/>
        <source>30 minutes</source>
        <translation>30 分</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="166"/>
        <source>1 hour</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="167"/>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="167"/>
        <source>United Kingdom</source>
        <translation>イギリス</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="168"/>
        <source>United States</source>
        <translation>アメリカ合衆国</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="168"/>
        <source>Netherlands</source>
        <translation>オランダ</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="169"/>
        <source>Germany</source>
        <translation>ドイツ</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="169"/>
        <source>France</source>
        <translation>フランス</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="170"/>
        <source>No public holidays</source>
        <translation>祝日なし</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="181"/>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="181"/>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="182"/>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="182"/>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="183"/>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="183"/>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="184"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="188"/>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="189"/>
        <source>cycles</source>
        <translation>回</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="190"/>
        <source>kWh/year</source>
        <translation>kWh/年</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="191"/>
        <source>kWh/day</source>
        <translation>kWh/日</translation>
    </message>
    <message>
        <location filename="../../app/fields.py" line="192"/>
        <source>h/year</source>
        <translation>時間/年</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <location filename="../../app/inputs.py" line="82"/>
        <source>Months</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="82"/>
        <source>Days</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="82"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="83"/>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="83"/>
        <source>Price/kWh</source>
        <translation>単価/kWh</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="96"/>
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="99"/>
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="109"/>
        <location filename="../../app/inputs.py" line="114"/>
        <source>all</source>
        <translation>全月</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="222"/>
        <source>verified in the source</source>
        <translation>出典で確認済み</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="223"/>
        <source>contains example values: confirm with the customer</source>
        <translation>例示値を含みます: お客様の実際の値をご確認ください</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="224"/>
        <source>Source: %1
As of: %2
%3</source>
        <translation>出典: %1
時点: %2
%3</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="228"/>
        <source>Notes for the dealer: %1</source>
        <translation>販売店向けの注記: %1</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="232"/>
        <source>Applications accepted until %1</source>
        <translation>申請受付: %1 まで</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="244"/>
        <source>Own values</source>
        <translation>個別入力</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="263"/>
        <source>Values entered by hand</source>
        <translation>手入力の値</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="266"/>
        <source>verified</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="267"/>
        <source>example values</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="270"/>
        <source>As of %1 · %2 · Source: %3</source>
        <translation>%1 時点 · %2 · 出典: %3</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="273"/>
        <source>Changed since chosen: %1</source>
        <translation>選択後に変更した項目: %1</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="276"/>
        <source>Applications closed on %1, before the start date: check the current programme</source>
        <translation>申請受付は %1 に終了しており、開始日より前です。現在募集中の制度を確認してください</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="435"/>
        <location filename="../../app/inputs.py" line="672"/>
        <source>Allowed: %1</source>
        <extracomment>scenario fields each preset kind sets (``models.presets.apply``), so its &quot;changed since&quot; marks read them (with the currency and the start date) widest choice text (pixels) that fits the field column next to its label</extracomment>
        <translation>入力できる範囲: %1</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="570"/>
        <source>Market-linked price series: %1 (as of %2)</source>
        <translation>市場連動の価格系列: %1 (%2 時点)</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="578"/>
        <source>series</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="579"/>
        <source>series × %1</source>
        <translation>系列 × %1</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="580"/>
        <source>Import price = %1 + %2 margin + the add-on; the time-of-use import prices are not used.</source>
        <translation>購入単価 = %1 + マージン %2 + 加算額。時間帯別の購入単価は使いません。</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="604"/>
        <source>profile values</source>
        <translation>プロファイルの値</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="628"/>
        <source>Subsidy recalculated for the new price: %1</source>
        <translation>新しい価格に合わせて補助金を再計算しました: %1</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="682"/>
        <source>Row %1: allowed %2</source>
        <translation>%1 行目: 入力できる範囲 %2</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="686"/>
        <source>Enter a number</source>
        <translation>数値を入力してください</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="687"/>
        <source>Enter a whole number</source>
        <translation>整数を入力してください</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="692"/>
        <source>Must not be above “%1” (%2)</source>
        <translation>「%1」(%2) を超えないようにしてください</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="695"/>
        <source>Must be below the battery health today (%1 %)</source>
        <translation>現在の電池健全度 (%1 %) より低くしてください</translation>
    </message>
    <message>
        <location filename="../../app/inputs.py" line="700"/>
        <source>The subsidy is larger than price plus installation (%1)</source>
        <translation>補助金が機器代と工事費の合計 (%1) を超えています</translation>
    </message>
</context>
<context>
    <name>Kpis</name>
    <message>
        <location filename="../../app/compare.py" line="306"/>
        <location filename="../../app/kpis.py" line="41"/>
        <source>not available</source>
        <translation>算出できません</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="28"/>
        <source>Charger pays back after</source>
        <translation>充放電器の投資回収まで</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="29"/>
        <source>Net gain over %1 years</source>
        <translation>%1 年間の損益</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="30"/>
        <source>Net gain over the period</source>
        <translation>期間合計の損益</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="31"/>
        <source>Net present value</source>
        <translation>正味現在価値 (NPV)</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="32"/>
        <source>Battery health at warranty end: with / without V2G/V2H</source>
        <translation>保証終了時の電池健全度: V2G/V2H あり / なし</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="33"/>
        <source>Battery wear cost per kWh discharged</source>
        <translation>放電 1 kWh あたりの電池劣化費用</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="34"/>
        <source>Driving energy the car could not supply</source>
        <translation>走行に不足した電力量</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="48"/>
        <source>not within %1 years</source>
        <translation>%1 年以内に回収できず</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="50"/>
        <source>nothing to recover</source>
        <translation>回収する費用なし</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="52"/>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="70"/>
        <source>no discharging</source>
        <translation>放電なし</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="74"/>
        <source>%1 (less wear)</source>
        <translation>%1（劣化が減る）</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="80"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="243"/>
        <source>When the money earned and saved with V2G/V2H has paid for the charger (net of subsidy).</source>
        <translation>V2G/V2H による収入と節約額で、充放電器の費用 (補助金を差し引いた額) を回収できる時期です。</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="245"/>
        <source>Revenue and savings minus extra charging cost, battery wear, maintenance and the charger, added up over the whole period, compared with the same car without V2G/V2H.</source>
        <translation>収入と節約額から、充電代の増加・電池の劣化・保守費用・充放電器の費用を差し引き、期間全体で合計した額です (V2G/V2H を使わない場合との比較)。</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="248"/>
        <source>The net gain with future money discounted at the discount rate (what it is worth today).</source>
        <translation>将来の金額を割引率で割り引いて合計した損益 (現在の価値に換算した額) です。</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="250"/>
        <source>Battery health when the battery warranty ends, with and without V2G/V2H. Green: still above the health the warranty guarantees.</source>
        <translation>電池保証が終わる時点の電池健全度 (V2G/V2H あり / なし) です。緑色は保証される健全度を上回っていることを示します。</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="253"/>
        <source>Cost of the extra battery ageing divided by the energy the car delivered to the home and the grid. A negative value means the battery ages more slowly than without V2G/V2H: discharging lowers the average charge level, which slows calendar ageing more than the extra cycling adds.</source>
        <translation>V2G/V2H による電池劣化の増加分の費用を、EV が家庭と電力網へ供給した電力量で割った値です。マイナスの値は、V2G/V2H なしより電池の劣化が遅いことを示します。放電で平均充電率が下がり、カレンダー劣化の抑制分がサイクル劣化の増加分を上回るためです。</translation>
    </message>
    <message>
        <location filename="../../app/kpis.py" line="258"/>
        <source>Energy needed for driving that the battery could not provide (the car would have needed a public charger).</source>
        <translation>走行に必要だったのに電池から供給できなかった電力量です (外部の充電器が必要だった分)。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="230"/>
        <source>V2G Calculator</source>
        <translation>V2G 経済性シミュレーター</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="290"/>
        <source>Battery health</source>
        <translation>電池の健全度</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="204"/>
        <location filename="../../app/main_window.py" line="448"/>
        <source>Preparing the calculation engine…</source>
        <extracomment>participation modes of &quot;Compare without charger / V2H only / V2H + V2G&quot; (labelled by MainWindow.variant_label) charger costs set to 0 in the quick comparison&apos;s &quot;Without charger&quot; column: the customer buys no bidirectional charger, so that column is the reference (no cost, no revenue, the baseline battery) honorifics a dealer may type after a customer&apos;s name; the header then adds none of its own presentation mode: tab titles grow at most this much (all six must fit 1280 px without &quot;…&quot;) emitted after a main result has been swapped in and every chart redrawn (request id) emitted after the comparison table was refreshed load every battery model&apos;s kernels in the background after the first result (off for screenshots) build the chart tabs not shown once the first result is on screen (off for a screenshot, which renders one tab and exits; a tab asked for is always built at once)</extracomment>
        <translation>計算エンジンを準備しています…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="253"/>
        <source>Switch the language</source>
        <translation>表示言語を切り替えます</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="290"/>
        <source>Cash flow &amp; payback</source>
        <translation>収支と投資回収</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="291"/>
        <source>Typical day</source>
        <translation>代表的な 1 日</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="291"/>
        <source>Year by year</source>
        <translation>年ごとの内訳</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="292"/>
        <source>Cycle map</source>
        <translation>サイクル分布</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="292"/>
        <source>Compare scenarios</source>
        <translation>シナリオ比較</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="358"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="359"/>
        <source>&amp;New scenario</source>
        <translation>新しいシナリオ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="360"/>
        <source>Open the &amp;demo scenario</source>
        <translation>デモシナリオを開く(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="361"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="362"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="364"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="365"/>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="366"/>
        <source>&amp;Import price series (JEPX, CSV, Excel)…</source>
        <translation>価格系列を取り込む (JEPX・CSV・Excel)(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="368"/>
        <source>&amp;Export report…</source>
        <translation>レポートを出力(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="371"/>
        <source>The report module is not installed in this version.</source>
        <translation>このバージョンにはレポート出力機能が含まれていません。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="375"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="378"/>
        <source>&amp;Compare</source>
        <translation>比較(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="379"/>
        <source>&amp;Duplicate current scenario as variant</source>
        <translation>現在のシナリオを比較用に複製(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="381"/>
        <source>Compare &amp;without charger / V2H only / V2H + V2G</source>
        <translation>充放電器なし / V2H のみ / V2H + V2G を比較(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="382"/>
        <source>&amp;Remove all variants</source>
        <translation>比較用シナリオをすべて削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="384"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="385"/>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="388"/>
        <source>Show the &amp;inputs</source>
        <translation>入力欄を表示(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="391"/>
        <source>&amp;Language</source>
        <translation>言語 / Language(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="404"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="405"/>
        <source>Dealer &amp;branding…</source>
        <translation>販売店の表示設定(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="407"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="408"/>
        <source>&amp;About V2G Calculator</source>
        <translation>V2G 経済性シミュレーターについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="492"/>
        <source>Please correct the marked value; the figures show the last valid inputs.</source>
        <translation>赤枠の値を修正してください。グラフは最後に正しく入力された値で表示しています。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="560"/>
        <source>Some figures are not available in this version.</source>
        <translation>このバージョンでは一部の数値を表示できません。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="566"/>
        <source>Ready. Note: %1</source>
        <translation>準備完了。注意: %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="575"/>
        <source>the calculation engine stopped; the next change starts it again</source>
        <translation>計算エンジンが停止しました。次の変更で再起動します</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="587"/>
        <source>The calculation failed: %1</source>
        <translation>計算できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="590"/>
        <source>Calculating…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="591"/>
        <location filename="../../app/main_window.py" line="598"/>
        <source>Preparing the other battery models…</source>
        <translation>他の電池モデルを準備しています…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="620"/>
        <source>At most %1 scenarios can be compared; remove one first.</source>
        <translation>比較できるのは %1 件までです。先に 1 件削除してください。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="648"/>
        <source>No V2G</source>
        <translation>V2G なし</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="649"/>
        <source>V2G only</source>
        <translation>V2G のみ</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="650"/>
        <source>V2H + V2G</source>
        <translation>V2H + V2G</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="627"/>
        <location filename="../../app/main_window.py" line="654"/>
        <source>Variant %1</source>
        <translation>比較案 %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="649"/>
        <source>V2H only</source>
        <translation>V2H のみ</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="648"/>
        <source>Without charger</source>
        <translation>充放電器なし</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="690"/>
        <source>Current scenario</source>
        <translation>現在のシナリオ</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="708"/>
        <source>New scenario</source>
        <translation>新しいシナリオ</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="734"/>
        <location filename="../../app/main_window.py" line="742"/>
        <source>“%1” could not be opened, so the current scenario is kept.

%2</source>
        <translation>「%1」を開けなかったため、現在のシナリオをそのまま表示しています。

%2</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="753"/>
        <source>Opened %1; %2 compared scenario(s) could not be read: %3</source>
        <translation>%1 を開きました。比較用のシナリオ %2 件を読み込めませんでした: %3</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="758"/>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="797"/>
        <location filename="../../app/main_window.py" line="800"/>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="801"/>
        <source>“%1” could not be written: %2</source>
        <translation>「%1」に書き込めませんでした: %2</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="809"/>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="871"/>
        <source>Recovered the unsaved scenario.</source>
        <translation>未保存のシナリオを復元しました。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="885"/>
        <location filename="../../app/main_window.py" line="892"/>
        <location filename="../../app/main_window.py" line="905"/>
        <source>Import price series</source>
        <translation>価格系列の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="885"/>
        <source>JEPX area</source>
        <translation>JEPX のエリア</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="890"/>
        <source>Export price follows the series</source>
        <translation>売電単価を系列に連動</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="890"/>
        <source>Import price follows the series</source>
        <translation>購入単価を系列に連動</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="891"/>
        <source>Both follow the series</source>
        <translation>購入・売電とも系列に連動</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="892"/>
        <source>Use the series for</source>
        <translation>価格系列の使い方</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="906"/>
        <source>Retail margin the plan adds to the wholesale price (%1/kWh; levies are added separately as the tariff&apos;s add-on)</source>
        <translation>料金プランが市場価格に上乗せする小売マージン (%1/kWh。再エネ賦課金などは料金の加算額として別に加わります)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="913"/>
        <location filename="../../app/main_window.py" line="917"/>
        <source>Cannot import the price series</source>
        <translation>価格系列を取り込めません</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="922"/>
        <source>Imported %1 prices from %2</source>
        <translation>%2 から %1 件の価格を取り込みました</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="931"/>
        <location filename="../../app/main_window.py" line="956"/>
        <source>Export report</source>
        <translation>レポートを出力</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="931"/>
        <source>Please wait until the figures are calculated.</source>
        <translation>計算が終わるまでお待ちください。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="957"/>
        <source>The report could not be written: %1</source>
        <translation>レポートを作成できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="960"/>
        <source>Report saved: %1</source>
        <translation>レポートを保存しました: %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1044"/>
        <source>Prepared for %1</source>
        <comment>the name already ends with an honorific such as 様</comment>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1046"/>
        <source>Prepared for %1</source>
        <translation>%1 様</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1051"/>
        <source>About V2G Calculator</source>
        <translation>V2G 経済性シミュレーターについて</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1052"/>
        <source>V2G Calculator %1
Lifetime V2G/V2H revenue, battery wear and charger payback.
Figures are estimates from the inputs shown; presets marked as example values must be confirmed.</source>
        <translation>V2G 経済性シミュレーター %1
V2G/V2H の生涯収益、電池の劣化、充放電器の投資回収を試算します。
数値は表示中の入力に基づく試算です。「要確認」のプリセットは必ず実際の値をご確認ください。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="733"/>
        <location filename="../../app/main_window.py" line="741"/>
        <source>Cannot open scenario</source>
        <translation>シナリオを開けません</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="565"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
</context>
</TS>
