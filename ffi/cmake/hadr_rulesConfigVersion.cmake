# The version of the installed hadr-rules C library, read from its header's HADR_RULES_VERSION,
# and which requested versions it satisfies (docs/abi.md): the same major version and at least
# the requested one; before 1.0, the same minor version too (0.1 and 0.2 are incompatible).

get_filename_component(_hadr_rules_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
file(STRINGS "${_hadr_rules_prefix}/include/hadr_rules.h" _hadr_rules_define
  REGEX "^#define HADR_RULES_VERSION \"[0-9]+\\.[0-9]+\\.[0-9]+\"$")
string(REGEX REPLACE ".*\"(.*)\"" "\\1" PACKAGE_VERSION "${_hadr_rules_define}")
unset(_hadr_rules_define)
unset(_hadr_rules_prefix)

if(NOT PACKAGE_VERSION)
  set(PACKAGE_VERSION_UNSUITABLE TRUE)
elseif(PACKAGE_FIND_VERSION)
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" _hadr_rules_minor "${PACKAGE_VERSION}")
  string(REGEX MATCH "^[0-9]+" _hadr_rules_major "${PACKAGE_VERSION}")
  if(PACKAGE_VERSION VERSION_LESS PACKAGE_FIND_VERSION)
    set(PACKAGE_VERSION_COMPATIBLE FALSE)
  elseif(_hadr_rules_major EQUAL 0)
    set(PACKAGE_VERSION_COMPATIBLE FALSE)
    if("${PACKAGE_FIND_VERSION_MAJOR}.${PACKAGE_FIND_VERSION_MINOR}" STREQUAL _hadr_rules_minor)
      set(PACKAGE_VERSION_COMPATIBLE TRUE)
    endif()
  elseif(PACKAGE_FIND_VERSION_MAJOR EQUAL _hadr_rules_major)
    set(PACKAGE_VERSION_COMPATIBLE TRUE)
  else()
    set(PACKAGE_VERSION_COMPATIBLE FALSE)
  endif()
  if(PACKAGE_VERSION_COMPATIBLE AND PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
  unset(_hadr_rules_minor)
  unset(_hadr_rules_major)
endif()
