# Compiler flags of the fuzz build (MANA_FUZZ=ON, see docs/fuzzing.md),
# included by the top-level CMakeLists.txt before any library is defined so
# the libraries the fuzz targets link are instrumented the same way:
# coverage for libFuzzer (fuzzer-no-link) and ASan + UBSan everywhere; the
# targets themselves add -fsanitize=fuzzer (libFuzzer's main) when linking.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MANA_FUZZ=ON needs clang (libFuzzer); tools/fuzz.sh configures "
                        "clang++-15. This compiler is ${CMAKE_CXX_COMPILER_ID}.")
endif()
# -fno-sanitize-recover: a UBSan finding aborts, so libFuzzer keeps the input.
add_compile_options(-fsanitize=fuzzer-no-link,${MANA_SANITIZERS} -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=${MANA_SANITIZERS})
