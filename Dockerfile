# Build: docker build -t connector .
# Run:   docker run --rm -v connector-data:/data connector run
# Plugins shipped in the image (Tryton) are in /app/plugins: enable them with -e CONNECTOR_PLUGINS=/app/plugins, or
# install others under /data/plugins (the default plugins folder).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig Connector.slnx ./
COPY src/ src/
COPY plugins/ plugins/
RUN dotnet publish src/Connector.Host/Connector.Host.csproj -c Release -o /app --nologo \
 && dotnet publish plugins/Connector.Plugins.Tryton/Connector.Plugins.Tryton.csproj -c Release -o /app/plugins/tryton --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0
# poppler-utils: pdfdetach / pdfinfo take the XML out of Factur-X / ZUGFeRD PDF e-invoices (pdftoppm: PDF scans to OCR).
# libtesseract5 + models: scanned cheques and remittance stubs are read in-process (OMP_THREAD_LIMIT=1: see ocr docs).
RUN apt-get update \
 && apt-get install -y --no-install-recommends poppler-utils libtesseract5 tesseract-ocr-eng tesseract-ocr-fra \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY mappings/ /app/mappings/
ENV CONNECTOR_DATA=/data \
    OMP_THREAD_LIMIT=1 \
    CONNECTOR_MAPPINGS=/app/mappings \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
ENTRYPOINT ["dotnet", "/app/connector.dll"]
CMD ["run"]
