; Inno Setup 6 script: a per-user Tailorfit installer (no administrator rights), with a Start
; menu entry, an optional desktop shortcut and an uninstaller (listed in Settings > Apps).
; Uninstalling keeps the user's settings and session in %LOCALAPPDATA%\tailorfit.
;
; On Windows, with Inno Setup 6 installed (iscc.exe on PATH or in its default folder),
;   python packaging\build_bundle.py
; builds dist\tailorfit\ with PyInstaller and then compiles this script, giving
; dist\tailorfit-VERSION-windows-setup.exe. By hand: iscc /DAppVersion=X.Y.Z tailorfit.iss

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\tailorfit.iss
#endif
#define AppName "Tailorfit"
#define AppExe "tailorfit.exe"
#ifndef BundleDir
  #define BundleDir "..\..\dist\tailorfit"
#endif

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{6F0C8D8E-3B9B-4F1E-9C4A-7A2D5E1B4C63}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tailorfit developers
AppPublisherURL=https://github.com/tailorfit/tailorfit
VersionInfoVersion={#AppVersion}
; Per user: installs under %LOCALAPPDATA%\Programs, needs no administrator rights.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\..\resources\icons\tailorfit.ico
OutputDir=..\..\dist
OutputBaseFilename=tailorfit-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Tailor your resume to a job posting"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
