#!/usr/bin/env bash
# The Pulumi program from the same prebuilt jar, started under JDWP and suspended until a
# debugger attaches on localhost:5005. The Java counterpart of ProjectPlanton's Delve script.
# See README.md, "Debugging", for how to start it under pulumi.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec java -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005 \
  -jar "$here/target/awsdynamodb-pulumi.jar" "$@"
