#!/usr/bin/env bash
# Records every public symbol of the tracked libraries (TrackPublicApi=true) that is missing from
# .PublicAPI/PublicAPI.Unshipped.txt. Run it after deliberately adding public API, then review the diff.
# dotnet format applies the analyzer's own code fix; members emitted by source generators (which the fix cannot
# reach) are taken from the build's RS0016 messages.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=(src/DriftWatch/DriftWatch.csproj src/DriftWatch.AspNetCore/DriftWatch.AspNetCore.csproj)
for project in "${projects[@]}"; do
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info -v q || true
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "${projects[1]}" -c Release --no-incremental >"$log" 2>&1 || true
for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  grep -F "[$PWD/$project]" "$log" | grep "error RS0016" \
    | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u >>"$dir/.PublicAPI/PublicAPI.Unshipped.txt" || true
  file="$dir/.PublicAPI/PublicAPI.Unshipped.txt"
  { head -n 1 "$file"; tail -n +2 "$file" | sort -u; } >"$file.tmp" && mv "$file.tmp" "$file"
done
remaining=$(dotnet build "${projects[1]}" -c Release 2>&1 | grep -E "error RS00[0-9]+" | sort -u || true)
if [[ -n "$remaining" ]]; then
  echo "$remaining"
  exit 1
fi
echo "public API files are up to date"
