# escudo_cc_library: the one way a layer is declared.
#
#   escudo_cc_library(NAME store
#     SRCS database.cc ...
#     DEPS escudo::base SQLite::SQLite3
#     TESTS database_test.cc ...)
#
# Creates the static library `escudo_<NAME>` with the alias `escudo::<NAME>`, whose public
# include root is `src/` (so code includes "store/database.h"), and, when ESCUDO_BUILD_TESTS is
# on and TESTS is given, one GoogleTest binary `<NAME>_test` registered with CTest.
include_guard(GLOBAL)

function(escudo_cc_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS;PRIVATE_DEPS;TESTS;TEST_DEPS" ${ARGN})
  set(target escudo_${ARG_NAME})
  add_library(${target} STATIC ${ARG_SRCS})
  add_library(escudo::${ARG_NAME} ALIAS ${target})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_features(${target} PUBLIC cxx_std_23)
  target_compile_options(${target} PRIVATE ${ESCUDO_WARNINGS})
  target_link_libraries(${target} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  if(ESCUDO_BUILD_TESTS AND ARG_TESTS)
    add_executable(${ARG_NAME}_test ${ARG_TESTS})
    target_compile_options(${ARG_NAME}_test PRIVATE ${ESCUDO_WARNINGS})
    target_link_libraries(${ARG_NAME}_test PRIVATE ${target} ${ARG_TEST_DEPS}
                          escudo::testing GTest::gtest_main GTest::gmock)
    gtest_discover_tests(${ARG_NAME}_test
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      PROPERTIES ENVIRONMENT "ESCUDO_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
