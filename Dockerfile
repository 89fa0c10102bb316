# calc: a static Native AOT executable on an empty (scratch) image. See docs/shipping.md.
#
#   docker build -t calc .
#   docker run --rm calc 2+3
#   docker run -i --rm calc < exprs.txt
#
# The build stage needs an image with the .NET SDK that the lock files were made with (the
# AOT compiler's version follows the SDK: 10.0.401 brings ILCompiler 10.0.12). The default
# names that SDK by its exact version and pins the image by digest (docs/shipping.md,
# "Reproducible builds": where the digest was read and how to read a new one).
# CI (.ci/container.sh) passes a locally assembled one with --build-arg SDK_IMAGE=calc-sdk:local.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401@sha256:2fa828c68761b1b8c23d7662dc134421b9d3b59fe1425fdbc80804e390cdb24d

FROM ${SDK_IMAGE} AS build
# The static link needs clang and lld (GNU ld fails on it) and objcopy to strip symbols;
# the official SDK image has none of them.
RUN if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null || ! command -v objcopy >/dev/null; then \
        apt-get update \
        && apt-get install -y --no-install-recommends clang lld binutils \
        && rm -rf /var/lib/apt/lists/*; \
    fi
# The time stamp of everything the build writes, the binary's included (the image layer holds
# its mtime): the same sources and SOURCE_DATE_EPOCH give the same layer. CI passes the commit's time.
ARG SOURCE_DATE_EPOCH=0
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH}
WORKDIR /src

# Restore first, from the project and lock files only, so source edits reuse the restored layer.
# Locked mode: every package exactly as packages.lock.json pins it, or the build fails.
COPY global.json Directory.Build.props Directory.Packages.props Calculator.slnx ./
COPY Calculator.Parser/Calculator.Parser.csproj Calculator.Parser/packages.linux-x64.lock.json Calculator.Parser/
COPY Calculator.Evaluator/Calculator.Evaluator.csproj Calculator.Evaluator/packages.linux-x64.lock.json Calculator.Evaluator/
COPY Packaging.props ./
COPY Calculator.Cli/Calculator.Cli.csproj Calculator.Cli/Performance.props Calculator.Cli/packages.linux-x64.lock.json Calculator.Cli/
# RuntimeIdentifier (not -r, which names RuntimeIdentifiers): the native build's own lock file.
RUN dotnet restore Calculator.Cli/Calculator.Cli.csproj -p:RuntimeIdentifier=linux-x64 --locked-mode

COPY .editorconfig ./
COPY Calculator.Parser/ Calculator.Parser/
COPY Calculator.Evaluator/ Calculator.Evaluator/
COPY Calculator.Cli/ Calculator.Cli/
RUN dotnet publish Calculator.Cli/Calculator.Cli.csproj -c Release -r linux-x64 --no-restore -o /out \
    && test -x /out/calc \
    && touch -d "@${SOURCE_DATE_EPOCH}" /out/calc

FROM scratch
ARG VERSION=0.1.0
ARG SOURCE=unknown
ARG REVISION=unknown
ARG LICENSES=NOASSERTION
LABEL org.opencontainers.image.title="calc" \
      org.opencontainers.image.description="Exact infix expression calculator: one static Native AOT executable" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="${LICENSES}"
COPY --from=build /out/calc /calc
USER 65534:65534
ENTRYPOINT ["/calc"]
