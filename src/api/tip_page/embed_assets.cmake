# Writes ${OUTPUT}: the public tip pages' script and style sheet as C++ strings.
file(READ "${ASSETS_DIR}/pow.js" js)
file(READ "${ASSETS_DIR}/tip.css" css)
file(WRITE "${OUTPUT}.tmp" "// Generated from src/api/tip_page/pow.js and tip.css; do not edit.
#include \"api/tip_page/assets.h\"

namespace escudo::api::tip_page {

std::string_view pow_script() {
  return R\"escudo_js(${js})escudo_js\";
}

std::string_view style_sheet() {
  return R\"escudo_css(${css})escudo_css\";
}

}  // namespace escudo::api::tip_page
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
