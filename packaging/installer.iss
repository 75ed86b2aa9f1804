; Inno Setup 6 script: one setup .exe for a village laptop (Windows 10/11, 64-bit).
; Build on Windows from the repository's root, after the PyInstaller build:
;   .venv\Scripts\pyinstaller packaging\enrollagent.spec --distpath dist --workpath build
;   iscc packaging\installer.iss          -> dist\EnrollAgent-Setup-<version>.exe
; (This file is UTF-8 with a byte-order mark, which Inno Setup needs for the Chinese names.)
;
; Per-user: no administrator rights asked for; the program goes to
; %LOCALAPPDATA%\Programs\EnrollAgent, shortcuts to the user's own Start menu and desktop.
;
; The user's data is NOT in the install folder and the uninstaller never touches it: the village
; database, its backups and signing key live in platformdirs' user data dir
; (%LOCALAPPDATA%\EnrollAgent, or the folder chosen with --db / ENROLLAGENT_DB / 设置), the log in
; %LOCALAPPDATA%\EnrollAgent\Logs, the settings in HKCU\Software\EnrollAgent. There is, on
; purpose, no [UninstallDelete] section and no registry entry with uninsdeletekey: uninstalling and
; installing again (or a newer version) finds the village as it was.

; The version is the one in enrollagent/_version.py, read back from the built program.
#define AppExe "EnrollAgent.exe"
#define BuildDir "..\dist\EnrollAgent"
#define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + BuildDir + "\" + AppExe, "ProductVersion")
#if AppVersion == ""
  #error No dist\EnrollAgent\EnrollAgent.exe: build packaging\enrollagent.spec first
#endif

; Recent Inno Setup releases ship Languages\ChineseSimplified.isl; an older one has it only in its
; sources (Files\Languages\Unofficial\ChineseSimplified.isl): copy that into its Languages\ folder.
#define ZhIsl "Languages\ChineseSimplified.isl"
#if !FileExists(AddBackslash(CompilerPath) + ZhIsl)
  #error Inno Setup has no Languages\ChineseSimplified.isl: a newer Inno Setup, or copy it (see above)
#endif

[Setup]
; Never change the AppId: an installer with the same AppId upgrades the installed program in place
; (same folder, same shortcuts, one entry in 应用和功能).
AppId={{F666AE0F-88AB-47DF-AC8C-3E408CFD923E}
AppName=村医保征缴助手 EnrollAgent
AppVersion={#AppVersion}
AppVerName=村医保征缴助手 EnrollAgent {#AppVersion}
AppPublisher=EnrollAgent
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\EnrollAgent
DefaultGroupName=村医保征缴助手
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=EnrollAgent-Setup-{#AppVersion}
SetupIconFile=..\resources\icon.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=村医保征缴助手 EnrollAgent
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open EnrollAgent is asked to close before its files are replaced (an upgrade while it runs).
CloseApplications=yes
RestartApplications=no
; Shows the wizard in the laptop's language when it is one of these, else asks.
ShowLanguageDialog=auto

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:{#ZhIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the older version is left beside the new.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\村医保征缴助手"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{cm:UninstallProgram,村医保征缴助手}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\村医保征缴助手"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,村医保征缴助手}"; Flags: nowait postinstall skipifsilent
