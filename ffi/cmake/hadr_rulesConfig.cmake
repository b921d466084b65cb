# CMake package of the hadr-rules C library, installed by `cargo cinstall` beside the header,
# the libraries and hadr_rules.pc (as <prefix>/share/hadr_rules/cmake/). Use:
#
#   find_package(hadr_rules 0.1 REQUIRED)
#   target_link_libraries(tool PRIVATE hadr_rules::hadr_rules)          # shared library
#   target_link_libraries(tool PRIVATE hadr_rules::hadr_rules_static)   # static library
#
# Relocatable: every path is found from this file's own place in the prefix.

get_filename_component(_hadr_rules_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(hadr_rules_INCLUDE_DIRS "${_hadr_rules_prefix}/include")
# cargo-c's default library directory is lib/; a --libdir of lib64 or a multiarch lib/<triple>
# is searched too.
file(GLOB _hadr_rules_libdirs LIST_DIRECTORIES true "${_hadr_rules_prefix}/lib/*-linux-*")
set(_hadr_rules_libdirs "${_hadr_rules_prefix}/lib" "${_hadr_rules_prefix}/lib64" ${_hadr_rules_libdirs})

find_library(hadr_rules_LIBRARY NAMES hadr_rules PATHS ${_hadr_rules_libdirs} NO_DEFAULT_PATH)
find_library(hadr_rules_STATIC_LIBRARY NAMES libhadr_rules.a hadr_rules.lib
  PATHS ${_hadr_rules_libdirs} NO_DEFAULT_PATH)

set(hadr_rules_FOUND TRUE)
if(NOT EXISTS "${hadr_rules_INCLUDE_DIRS}/hadr_rules.h")
  set(hadr_rules_FOUND FALSE)
  set(hadr_rules_NOT_FOUND_MESSAGE "no hadr_rules.h in ${hadr_rules_INCLUDE_DIRS}")
elseif(NOT hadr_rules_LIBRARY AND NOT hadr_rules_STATIC_LIBRARY)
  set(hadr_rules_FOUND FALSE)
  set(hadr_rules_NOT_FOUND_MESSAGE "no hadr_rules library in ${_hadr_rules_libdirs}")
endif()

if(hadr_rules_FOUND AND hadr_rules_LIBRARY AND NOT TARGET hadr_rules::hadr_rules)
  add_library(hadr_rules::hadr_rules SHARED IMPORTED)
  set_target_properties(hadr_rules::hadr_rules PROPERTIES
    IMPORTED_LOCATION "${hadr_rules_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${hadr_rules_INCLUDE_DIRS}")
endif()
if(hadr_rules_FOUND AND hadr_rules_STATIC_LIBRARY AND NOT TARGET hadr_rules::hadr_rules_static)
  add_library(hadr_rules::hadr_rules_static STATIC IMPORTED)
  # What the Rust standard library needs from the system when linked statically: the
  # `Libs.private` that cargo-c wrote into hadr_rules.pc for this platform (-lpthread -ldl...).
  set(_hadr_rules_system "")
  get_filename_component(_hadr_rules_libdir "${hadr_rules_STATIC_LIBRARY}" DIRECTORY)
  if(EXISTS "${_hadr_rules_libdir}/pkgconfig/hadr_rules.pc")
    file(STRINGS "${_hadr_rules_libdir}/pkgconfig/hadr_rules.pc" _hadr_rules_private
      REGEX "^Libs.private:")
    string(REGEX MATCHALL "-l[^ ]+" _hadr_rules_flags "${_hadr_rules_private}")
    foreach(_hadr_rules_flag IN LISTS _hadr_rules_flags)
      string(SUBSTRING "${_hadr_rules_flag}" 2 -1 _hadr_rules_name)
      list(APPEND _hadr_rules_system "${_hadr_rules_name}")
    endforeach()
  endif()
  set_target_properties(hadr_rules::hadr_rules_static PROPERTIES
    IMPORTED_LOCATION "${hadr_rules_STATIC_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${hadr_rules_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${_hadr_rules_system}")
endif()
unset(_hadr_rules_libdirs)
unset(_hadr_rules_prefix)
unset(_hadr_rules_system)
unset(_hadr_rules_libdir)
unset(_hadr_rules_private)
unset(_hadr_rules_flags)
unset(_hadr_rules_flag)
unset(_hadr_rules_name)
