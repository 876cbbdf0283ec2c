; Inno Setup script: Amends for Windows front-desk PCs, from the PyInstaller folder.
;
;   bash installer/build.sh                                   (on Windows, in Git Bash)
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\amends.iss
;
; Output: dist\Amends-<version>-setup.exe. Silent install for IT:
;   Amends-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Per-machine: the program goes to Program Files for every user of the PC, which needs an
; administrator. The case log, settings, logs and keys are per user, in the user's data dir
; (%LOCALAPPDATA%\Amends\Amends, made by the app on first start), never under Program Files.
; Uninstalling removes the program only: the data dir is deliberately left alone, because it is
; the desk's case log, which head office may still need.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Amends"
; The PyInstaller one-folder build; installer/check_iss.sh passes a stand-in with /DDistDir=.
#ifndef DistDir
  #define DistDir "..\dist\amends"
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find the installed copy by it.
AppId={{6A0F3C2E-4B7D-4E55-9C1A-2F8D7E4B9A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Amends
AppVerName={#AppName} {#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=Amends-{#AppVersion}-setup
SetupIconFile=..\resources\icons\amends.ico
UninstallDisplayIcon={app}\amends.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole build. Without this, files that the new build no longer has
; (an older package's *.dist-info beside the new one, a dropped Qt plugin or DLL) would stay in
; _internal\ and could be loaded in place of the new ones. Only program files live there.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole one-folder app: amends.exe (no console), amends-cli.exe (doctor, --version) and
; _internal\ with Python, Qt, plugins, fonts, translations, resources and migrations.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Start menu entries for every user of the PC ({autoprograms} is the common Start menu here).
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\amends.exe"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} diagnostics"; Filename: "{cmd}"; Parameters: "/k ""{app}\amends-cli.exe"" doctor"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\amends.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\amends.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

; No [UninstallDelete] for the data dir, on purpose (see the top of this file). Only what the
; installer itself put in {app} is removed.
