# Writes a C++ file defining `std::string_view escudo::service::NAME()` that returns the bytes
# of INPUT (run at build time by src/service/CMakeLists.txt).
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\n"
  "namespace escudo::service {\nstd::string_view ${NAME}() {\n"
  "  static constexpr char kText[] = R\"escudo_data(${content})escudo_data\";\n"
  "  return {kText, sizeof(kText) - 1};\n}\n}  // namespace escudo::service\n")
