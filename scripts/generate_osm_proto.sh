#!/usr/bin/env bash
# Regenerates Sources/RoadImport/Generated/*.pb.swift from OSM's .proto files in
# Sources/RoadImport/Proto/ (copied from github.com/openstreetmap/OSM-binary,
# osmpbf/, commit 28f76c6b). Run by hand when the .proto files change; the package
# build never runs protoc. Needs Debian's protobuf-compiler and protoc-gen-swift
# 1.39.0 (same version as the swift-protobuf dependency):
#   git clone https://github.com/apple/swift-protobuf /tmp/sp && cd /tmp/sp &&
#   git checkout 1.39.0 && swift build -c release --product protoc-gen-swift
set -euo pipefail
cd "$(dirname "$0")/../Sources/RoadImport"
PLUGIN=${PROTOC_GEN_SWIFT:-/tmp/sp/.build/release/protoc-gen-swift}
protoc --plugin=protoc-gen-swift="$PLUGIN" --swift_out=Generated --swift_opt=Visibility=Internal \
  -IProto Proto/fileformat.proto Proto/osmformat.proto
