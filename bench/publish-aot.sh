# Sourced by the bench scripts: publish_aot DIR publishes the static Native AOT calc (the build
# the container ships; Calculator.Cli.csproj sets PublishAot and the static link for a runtime
# identifier) into DIR and sets CALC to it; on failure it prints the end of the log and exits.
publish_aot() {
    echo "building the Native AOT calc ..." >&2
    dotnet publish "$ROOT/Calculator.Cli" -c Release -r linux-x64 -o "$1" >"$1.log" 2>&1 \
        || { tail -20 "$1.log" >&2; exit 1; }
    CALC=$1/calc
}
