; V2G Calculator - Windows installer (NSIS 3: Unicode, x64, MUI2, English + Japanese).
;
; Installs per user into %LOCALAPPDATA%\Programs\V2G Calculator without administrator
; rights, adds a Start-menu shortcut, an optional desktop shortcut, the scenario file
; association and an "Apps & features" (Add/Remove Programs) entry, all under HKCU.
;
; Build (from the repository; build/build.py --installer does this on Windows):
;   makensis /INPUTCHARSET UTF8 /DAPP_VERSION=0.1.0 installer\windows\v2g-calculator.nsi
; On Linux (CI lint against a stand-in payload, see build/ci_installers.sh):
;   makensis -INPUTCHARSET UTF8 -DAPP_VERSION=0.1.0 -DDIST_DIR=/tmp/payload -DOUTFILE=/tmp/setup.exe installer/windows/v2g-calculator.nsi
;
; Defines: APP_VERSION (required), DIST_DIR (PyInstaller one-folder bundle,
; default ..\..\dist\v2g-calculator), OUTFILE, VI_VERSION (4 numbers for the
; version resource, default APP_VERSION.0).  Relative paths are relative to this folder.

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef APP_VERSION
  !error "APP_VERSION is not defined: makensis -DAPP_VERSION=x.y.z (Windows: /DAPP_VERSION=x.y.z)"
!endif
!ifndef VI_VERSION
  !define VI_VERSION "${APP_VERSION}.0"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\..\dist\v2g-calculator"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\v2g-calculator-${APP_VERSION}-windows-x64-setup.exe"
!endif

!define APP_NAME "V2G Calculator"
!define APP_EXE "v2g-calculator.exe"
!define APP_ID "V2GCalculator"
!define PUBLISHER "V2G Calculator developers"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define PROGID "V2GCalculator.Scenario"
!define SCENARIO_EXT ".v2g.json"
!define ICON_FILE "..\..\resources\icons\v2g-calculator.ico"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP_NAME} ${APP_VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"

; ------------------------------------------------------------------ user interface
!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
; remember the language chosen in the first dialog (also used by the uninstaller)
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_ID}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_RESERVEFILE_LANGDLL

!include /CHARSET=UTF8 "i18n\en.nsh"
!include /CHARSET=UTF8 "i18n\ja.nsh"

; ------------------------------------------------------------------ version resource of setup.exe
VIProductVersion "${VI_VERSION}"
VIFileVersion "${VI_VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "(c) ${PUBLISHER}"

; ------------------------------------------------------------------ sections
Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the whole runtime folder so that no file of an older version stays behind.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Put the pre-built calculation engine (numba-seed) into this user's cache now (a second or two;
  ; it compiles, about 15-30 s, only if the pre-built machine code does not fit), so the first start is fast.
  DetailPrint "$(WarmUpText)"
  ExecWait '"$INSTDIR\${APP_EXE}" --warm-up' $0

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"

  ; Apps & features / Add or Remove Programs, for this user only
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Section "$(SecAssocName)" SecAssoc
  ; Our document type (ProgID) with icon and open command.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(ScenarioTypeName)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ; *.v2g.json -> our type.  Explorer types a file by its last extension (.json), so also
  ; offer the app in "Open with" for JSON files without taking JSON over.
  WriteRegStr HKCU "Software\Classes\${SCENARIO_EXT}" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${SCENARIO_EXT}" "Content Type" "application/json"
  WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\SupportedTypes" ".json" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ; SHCNE_ASSOCCHANGED: let Explorer pick up the new association now
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAssoc} "$(SecAssocDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ------------------------------------------------------------------ checks and language
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeed64)" /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeedWin10)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; ------------------------------------------------------------------ uninstaller
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; Only what the installer put there: never a recursive delete of $INSTDIR itself,
  ; in case someone installed into a folder that holds other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; file association (the .v2g.json key only while it still points to us)
  ReadRegStr $0 HKCU "Software\Classes\${SCENARIO_EXT}" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKCU "Software\Classes\${SCENARIO_EXT}"
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; compiled numba kernels can always be rebuilt; settings, presets and logs stay
  RMDir /r "$LOCALAPPDATA\${APP_ID}\Cache"
  RMDir "$LOCALAPPDATA\${APP_ID}"

  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd
