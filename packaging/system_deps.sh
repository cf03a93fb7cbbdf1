#!/usr/bin/env bash
# Debian packages `make package` and `make package-test` need, and (gui) the X server,
# window manager and Qt X11 libraries tests/ui/test_gui_fit.py runs the window under, and
# (ocr) tesseract with its English and Hebrew data for scanned documents, (audio)
# PortAudio, the library the microphone is opened through for dictation, and (fonts) the
# fonts a desktop's window is drawn in, Noto Sans with Noto Sans Hebrew beside DejaVu Sans,
# so that the tests measure text as it is measured there. As root, installs what is
# missing; otherwise prints the apt-get line and fails.
#   packaging/system_deps.sh build|test|gui|eval|ocr|audio|fonts
set -euo pipefail
group="${1:-build}"
case "$group" in
    build) tools="dpkg-deb:dpkg apt-ftparchive:apt-utils gpg:gnupg gpgv:gpgv zstd:zstd \
                  desktop-file-validate:desktop-file-utils appstreamcli:appstream" ;;
    test)  tools="debootstrap:debootstrap unshare:util-linux gpg:gnupg" ;;
    gui)   tools="Xvfb:xvfb jwm:jwm xprop:x11-utils" ;;
    # make eval's dictations are spoken by espeak-ng (GPL-3: makes test audio, never shipped)
    eval)  tools="espeak-ng:espeak-ng" ;;
    # Scanned documents (issue 30): tesseract 5 (Apache-2.0) with its English and Hebrew data
    ocr)   tools="tesseract:tesseract-ocr" ;;
    # Dictation's microphone (issue 29): PortAudio (MIT), a library, not a command
    audio) tools="" ;;
    # Fonts (OFL and the Bitstream Vera licence): files, not commands
    fonts) tools="" ;;
    *) echo "usage: $0 build|test|gui|eval|ocr|audio|fonts" >&2; exit 2 ;;
esac
missing=()
for pair in $tools; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ "$group" = gui ] && [ -x .venv/bin/python ]; then
    # The libraries PySide6's X11 platform needs that are not here (check_qt_libs.py).
    read -r -a libs <<< "$(.venv/bin/python packaging/check_qt_libs.py --packages)"
    missing+=("${libs[@]}")
fi
if [ "$group" = ocr ]; then
    # The language data are files, not commands: ask tesseract which it has.
    langs="$(tesseract --list-langs 2>/dev/null || true)"
    for lang in eng heb; do
        grep -qx "$lang" <<< "$langs" || missing+=("tesseract-ocr-$lang")
    done
fi
if [ "$group" = audio ]; then
    ldconfig -p 2>/dev/null | grep -q 'libportaudio\.so\.2' || missing+=("libportaudio2")
fi
if [ "$group" = fonts ]; then
    # Many desktops' default sans-serif is Noto Sans, whose Hebrew is another font's (Noto
    # Sans Hebrew); Debian's own is DejaVu Sans, Hebrew included. Asked of fontconfig,
    # which Qt finds fonts through, whichever package put them there.
    fonts="$(fc-list : file 2>/dev/null || true)"
    grep -q '/NotoSans-Regular\.' <<< "$fonts" && grep -q '/NotoSansHebrew-Regular\.' <<< "$fonts" \
        || missing+=("fonts-noto-core")
    grep -q '/DejaVuSans\.ttf' <<< "$fonts" || missing+=("fonts-dejavu-core")
    command -v fc-list >/dev/null 2>&1 || missing+=("fontconfig")
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "missing tools; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]} from Debian" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
