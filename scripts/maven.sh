# Sourced by ./annals and ./run-tests: sets MAVEN to the `mvn` on the PATH, else to the Maven wrapper
# (./mvnw), which downloads the Maven version pinned in .mvn/wrapper/maven-wrapper.properties on first use.
_maven_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if command -v mvn >/dev/null 2>&1; then
  MAVEN=mvn
else
  MAVEN="$_maven_root/mvnw"
fi
unset _maven_root
