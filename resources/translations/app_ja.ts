<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="55"/>
        <location filename="../../app/main_window.py" line="61"/>
        <source>V2G Calculator</source>
        <translation>V2G 経済性シミュレーター</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="85"/>
        <source>Payback</source>
        <translation>投資回収</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="86"/>
        <source>Net over the horizon</source>
        <translation>期間合計の損益</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="87"/>
        <source>Net present value</source>
        <translation>正味現在価値 (NPV)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="88"/>
        <source>Battery health at warranty age (with / without V2G)</source>
        <translation>保証期間終了時の電池健全度 (V2G あり / なし)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="89"/>
        <source>Battery wear cost per kWh discharged</source>
        <translation>放電 1 kWh あたりの電池劣化費用</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="90"/>
        <source>Unmet driving energy</source>
        <translation>不足した走行エネルギー</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="99"/>
        <source>Battery health</source>
        <translation>電池の健全度</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="99"/>
        <source>Cumulative cash flow</source>
        <translation>累積キャッシュフロー</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Yearly revenue and wear</source>
        <translation>年間の収益と劣化費用</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Typical day</source>
        <translation>代表的な 1 日</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Cycle map</source>
        <translation>サイクル分布</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Scenario comparison</source>
        <translation>シナリオ比較</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="121"/>
        <source>Cannot open scenario</source>
        <translation>シナリオを開けません</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="141"/>
        <source>not available</source>
        <translation>未計算</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="156"/>
        <source>not within %1 years</source>
        <translation>%1 年以内に回収できず</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="157"/>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="181"/>
        <source>Not computed yet in this version</source>
        <translation>このバージョンではまだ計算されません</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="186"/>
        <source>Partial result: some figures are not computed yet.</source>
        <translation>一部の結果は未計算です。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="187"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="191"/>
        <source>Vehicle</source>
        <translation>車両</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="192"/>
        <source>Driving</source>
        <translation>走行</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="192"/>
        <source>%1 km weekdays, %2 km weekends</source>
        <translation>平日 %1 km、休日 %2 km</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="194"/>
        <source>Home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="194"/>
        <source>%1 kWh/year, %2 kWp solar</source>
        <translation>年間 %1 kWh、太陽光 %2 kWp</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="196"/>
        <source>Participation</source>
        <translation>V2G/V2H 参加</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="198"/>
        <source>Charger</source>
        <translation>充放電器</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="199"/>
        <source>Tariff</source>
        <translation>料金プラン</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="200"/>
        <source>Horizon</source>
        <translation>評価期間</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="200"/>
        <source>%1 years from %2</source>
        <translation>%2 から %1 年間</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="205"/>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
</context>
</TS>
