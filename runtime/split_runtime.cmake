# split_runtime.cmake - libsrt.a cut in two for the link of every executable (driver_build.c):
# srt_core.o, its members that srt_main needs (every program calls it) linked into one
# relocatable object, and libsrt_rest.a, the members left (connectors with a system library,
# digests...).  The linker then reads one object of a few sections instead of about eighty
# members of a dozen each, and an archive a third the size (bench/README.md, "The link: one
# script of inputs, one object of the runtime").
#
#   cmake -DLD=ld -DAR=ar -DLIB=libsrt.a -DCORE=srt_core.o -DREST=libsrt_rest.a -P split_runtime.cmake

foreach(var LD AR LIB CORE REST)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "split_runtime.cmake: ${var} is not set")
  endif()
endforeach()
execute_process(COMMAND ${LD} -r -u srt_main -o ${CORE} -Map=${CORE}.map ${LIB}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "split_runtime.cmake: ${LD} -r failed: ${err}")
endif()
# The members the map names are those the object holds.
file(READ ${CORE}.map map)
file(REMOVE ${CORE}.map)
get_filename_component(lib_name ${LIB} NAME)
string(REGEX MATCHALL "${lib_name}\\([^)]+\\)" included "${map}")
set(members "")
foreach(m ${included})
  string(REGEX REPLACE "^.*\\((.*)\\)$" "\\1" m "${m}")
  list(APPEND members ${m})
endforeach()
list(REMOVE_DUPLICATES members)
if(NOT members)
  message(FATAL_ERROR "split_runtime.cmake: no member of ${LIB} in ${CORE}")
endif()
file(COPY_FILE ${LIB} ${REST}.tmp)
execute_process(COMMAND ${AR} d ${REST}.tmp ${members} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "split_runtime.cmake: ${AR} d failed: ${err}")
endif()
execute_process(COMMAND ${AR} s ${REST}.tmp RESULT_VARIABLE rc)
file(RENAME ${REST}.tmp ${REST})
