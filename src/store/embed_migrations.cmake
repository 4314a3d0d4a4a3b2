# Writes ${OUTPUT}: a C++ table of every migrations/NNNN_name.sql, in version order.
file(GLOB files "${MIGRATIONS_DIR}/*.sql")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  get_filename_component(base "${f}" NAME_WE)
  string(REGEX MATCH "^([0-9]+)_(.*)$" _ "${base}")
  set(version "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  math(EXPR version "${version} + 0")
  file(READ "${f}" sql)
  string(APPEND body "    {${version}, \"${name}\", R\"escudo_sql(${sql})escudo_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from src/store/migrations/*.sql; do not edit.
#include \"store/migrations.h\"

namespace escudo::store {

std::span<const Migration> all_migrations() {
  static constexpr Migration kMigrations[] = {
${body}  };
  return kMigrations;
}

}  // namespace escudo::store
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
