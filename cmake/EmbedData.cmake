# Compiles plain data files (word lists, tables, learned weights) into the binary, so the
# program never depends on files beside it at run time while the data stays reviewable as
# text in the source tree.
#
# qg_embed_data(TARGET target NAMESPACE ns FILES a.txt b.tsv)
# defines, in namespace ns, `extern const std::string_view <stem>_data;` for each file
# (stem: the file name with non-identifier characters replaced by '_').
add_executable(qg_embed ${CMAKE_CURRENT_LIST_DIR}/embed.cpp)

function(qg_embed_data)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE" "FILES" ${ARGN})
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(abs "${file}" ABSOLUTE)
    get_filename_component(stem "${file}" NAME)
    string(MAKE_C_IDENTIFIER "${stem}" stem)
    string(REPLACE "::" "_" ns_prefix "${ARG_NAMESPACE}")
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${ns_prefix}_${stem}.cpp")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/embedded"
      COMMAND qg_embed "${abs}" "${out}" "${ARG_NAMESPACE}" "${stem}_data"
      DEPENDS "${abs}" qg_embed
      COMMENT "Embedding ${stem}")
    target_sources(${ARG_TARGET} PRIVATE "${out}")
  endforeach()
endfunction()
