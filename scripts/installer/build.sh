#!/usr/bin/env bash
# Builds Scalloy's installers for the platform it runs on; `mvn -Pinstaller -DskipTests package` runs it
# after target/scalloy.jar is built (decision 0012). Results in target/installer/:
#   Linux:   scalloy_<version>_amd64.deb, and scalloy-<version>-1.x86_64.rpm where rpmbuild exists
#   macOS:   scalloy-<version>.dmg        Windows: scalloy-<version>.msi (WiX 3 on the PATH)
# Steps: a trimmed Java runtime (jlink, with its CDS archive of the JDK's classes); the application image
# (jpackage --type app-image); one training start of the workbench from that image that lists the
# classes it loads (lib/app/scalloy.classlist), from which the Linux packages make an AppCDS archive at
# install time (lib/app/scalloy.jsa, mapped by the launcher at every start); then the installer(s). Needs a JDK 17+ with its jmods (Debian: openjdk-17-jmods),
# and for the training start a display: DISPLAY, or xvfb-run (Debian: xvfb xauth).
# Usage: scripts/installer/build.sh VERSION   (the Maven project version; "-SNAPSHOT" is dropped)
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?usage: build.sh VERSION}
version=${version%-SNAPSHOT}
here=scripts/installer
work=target/jpackage
out=target/installer
jar=target/scalloy.jar
[ -f "$jar" ] || { echo "installer: $jar is missing (the installer profile runs after the shade plugin)" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "installer: unsupported system $(uname -s)" >&2; exit 1 ;;
esac

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jmods="$java_home/jmods"
[ -d "$jmods" ] || { echo "installer: no jmods in $java_home (Debian: apt-get install openjdk-17-jmods)" >&2; exit 1; }

rm -rf "$work" "$out"
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/"

# The modules the application and its libraries use (jdeps --print-module-deps over the runtime class path),
# plus jdk.localedata for French number and date formats (en and fr only), jdk.crypto.ec for TLS to a
# database server, and jdk.zipfs. No java launcher options or man pages; class files without debug data.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules=$modules,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.localedata
modules=$modules,jdk.management,jdk.net,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs
echo "installer: jlink runtime ($modules)"
"$java_home/bin/jlink" --module-path "$jmods" --add-modules "$modules" --include-locales=en,fr \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$work/runtime"

common=(--name scalloy --app-version "$version" --vendor "Scalloy"
  --description "Workbench for scandium-aluminium master alloys: charge calculation, properties, compliance"
  --copyright "Scalloy contributors")
case "$os" in
  linux) icon=icons/scalloy-256.png ;;
  windows) icon=icons/scalloy.ico ;;
  mac)
    # macOS wants .icns: made here from the PNGs with the system's iconutil
    iconset="$work/scalloy.iconset"
    mkdir -p "$iconset"
    for s in 16 32 64 128 256; do cp "icons/scalloy-$s.png" "$iconset/icon_${s}x${s}.png"; done
    cp icons/scalloy-32.png "$iconset/icon_16x16@2x.png"
    cp icons/scalloy-64.png "$iconset/icon_32x32@2x.png"
    cp icons/scalloy-256.png "$iconset/icon_128x128@2x.png"
    iconutil -c icns -o "$work/scalloy.icns" "$iconset"
    icon="$work/scalloy.icns"
    ;;
esac

echo "installer: application image"
image_options=()
if [ "$os" = windows ]; then
  # The workbench's launcher has no console; scalloy-cli.exe is the same program with one, for the commands.
  printf 'win-console=true\n' >"$work/cli.properties"
  image_options+=(--add-launcher "scalloy-cli=$work/cli.properties")
fi
"$java_home/bin/jpackage" --type app-image "${common[@]}" --dest "$work/image" --input "$work/input" \
  --main-jar scalloy.jar --main-class ca.scalloy.app.Launcher --runtime-image "$work/runtime" --icon "$icon" \
  "${image_options[@]}"

case "$os" in
  linux) app_root="$work/image/scalloy"; app_dir="$app_root/lib/app"; java_cmd="$app_root/lib/runtime/bin/java" ;;
  windows) app_root="$work/image/scalloy"; app_dir="$app_root/app"; java_cmd="$app_root/runtime/bin/java.exe" ;;
  mac) app_root="$work/image/scalloy.app"; app_dir="$app_root/Contents/app"; java_cmd="$app_root/Contents/runtime/Contents/Home/bin/java" ;;
esac

# The training start: the workbench opens an example recipe, shows its window, opens a throwaway
# database and exits; the JVM lists every class it loaded (JavaFX, the screens, Jackson, the solver,
# H2) in lib/app/scalloy.classlist. Java 17 accepts a CDS archive only at the path its jar had when the
# archive was made, so the archive itself (scalloy.jsa, `java -Xshare:dump` from that list, a few
# seconds) is made where the program is installed: by the .deb's postinst and the .rpm's %post. The
# launcher names it (-XX:SharedArchiveFile); without it (not made yet, or on Windows and macOS, whose
# installers have no such step here) the JVM starts without it, silently, with the runtime's own archive
# of the JDK's classes. The training runs on the image's own java: jpackage 17's launcher passes no -XX
# option from the environment.
training_home="$(pwd)/$work/training-home"
mkdir -p "$training_home"
class_list="$app_dir/scalloy.classlist"
class_path="$(cd "$app_dir" && pwd -P)/scalloy.jar"
class_list_path="$(cd "$app_dir" && pwd -P)/scalloy.classlist"
if [ "$os" = windows ]; then class_path=$(cygpath -w "$class_path"); class_list_path=$(cygpath -w "$class_list_path"); fi
training=("$java_cmd" "-XX:DumpLoadedClassList=$class_list_path" "-Duser.home=$training_home" "-Dscalloy.logDir=$training_home/logs"
  -Dprism.order=sw -Dscalloy.exitAfterShownMs=3000 "-Dscalloy.open=$(pwd)/recipes/alsc2-oxide-route.json"
  -cp "$class_path" ca.scalloy.app.Launcher)
echo "installer: training start for the AppCDS class list"
trained=no
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1400x900x24" "${training[@]}" >"$work/training.log" 2>&1 && trained=yes
  fi
else
  "${training[@]}" >"$work/training.log" 2>&1 && trained=yes
fi
if [ "$trained" = yes ] && [ -s "$class_list" ] && grep -q 'main window shown' "$work/training.log"; then
  cfg="$app_dir/scalloy.cfg"
  awk '{print} /^\[JavaOptions\]/ {print "java-options=-XX:SharedArchiveFile=$APPDIR/scalloy.jsa"; print "java-options=-Xshare:auto"; done=1}
       END {if (!done) {print "[JavaOptions]"; print "java-options=-XX:SharedArchiveFile=$APPDIR/scalloy.jsa"; print "java-options=-Xshare:auto"}}' \
    "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
  echo "installer: AppCDS class list of $(grep -vc '^#' "$class_list") entries"
else
  rm -f "$class_list"
  echo "installer: WARNING: no AppCDS class list (no display for the training start, or it failed; see $work/training.log):" \
    "the installed workbench starts slower" >&2
fi
rm -rf "$training_home"

package() {
  local type=$1; shift
  echo "installer: $type"
  "$java_home/bin/jpackage" --type "$type" "${common[@]}" --app-image "$app_root" --dest "$out" \
    --file-associations "$here/recipe-association.properties" --icon "$icon" "$@"
}
case "$os" in
  linux)
    linux_options=(--resource-dir "$here/linux" --install-dir /opt --linux-package-name scalloy --linux-shortcut
      --linux-menu-group "Science;Engineering;" --linux-app-category science
      --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, fontconfig, fonts-dejavu-core")
    # gzip rather than dpkg's default xz: xz took minutes for the ~100 MB on two busy cores, gzip seconds
    export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
    package deb "${linux_options[@]}"
    if command -v rpmbuild >/dev/null; then
      package rpm --resource-dir "$here/linux" --install-dir /opt --linux-package-name scalloy --linux-shortcut \
        --linux-menu-group "Science;Engineering;" --linux-package-deps "gtk3, fontconfig, dejavu-sans-fonts"
    else
      echo "installer: no rpmbuild here, so no .rpm (Debian: apt-get install rpm)"
    fi
    ;;
  windows) package msi --win-menu --win-menu-group Scalloy --win-shortcut --win-dir-chooser --win-upgrade-uuid db4cdbc2-e1d9-4ef6-8bcf-e1f5f27851d7 ;;
  mac) package dmg --mac-package-name Scalloy --mac-package-identifier ca.scalloy ;;
esac
ls -l "$out"
