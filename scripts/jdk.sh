# Sourced by ./annals and ./run-tests: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*; fails with a clear message otherwise.

annals_java_major() { # prints the major version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//' | head -n 1
}

annals_find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/*; do candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(annals_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  echo "annals: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm/*)." >&2
  echo "annals: install one, for example 'apt-get install openjdk-21-jdk', or set JAVA_HOME to it." >&2
  return 1
}

annals_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on a recent JDK warns about sun.misc.Unsafe; the flag only exists from JDK 23 on.
if [ "$(annals_java_major "$JAVA_HOME/bin/java")" -ge 23 ] 2>/dev/null; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
