# Writes a C++ file defining `std::string_view NAME()` that returns the bytes of INPUT
# (run at build time by src/resolve/CMakeLists.txt).
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\n"
  "namespace escudo::resolve {\nstd::string_view ${NAME}() {\n"
  "  static constexpr char kText[] = R\"escudo_data(${content})escudo_data\";\n"
  "  return {kText, sizeof(kText) - 1};\n}\n}  // namespace escudo::resolve\n")
