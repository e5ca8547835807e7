# Sourced by ./mvnw, ./lab and .ci/run: find a JDK 25 or newer and export JAVA_HOME.
#
# Order: $JAVA_HOME if it is 25+, then the usual install locations, then `java` on
# the PATH. On failure, print one line saying what is needed and return 1.

wirelab_jdk_major() {
  # "openjdk version "25.0.3" ..." -> 25 ; "1.8.0_392" -> 1
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'
}

wirelab_find_jdk() {
  local need=25 candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /usr/lib/jvm/* \
                   /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(wirelab_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$need" ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "wirelab needs a JDK $need or newer: none found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm); install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
