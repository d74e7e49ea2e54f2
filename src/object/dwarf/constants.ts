// DWARF numbers (DWARF 5, section 7), the ones cgts writes: one table each.

export const DW_TAG = {
  array_type: 0x01, enumeration_type: 0x04, formal_parameter: 0x05, lexical_block: 0x0b,
  member: 0x0d, pointer_type: 0x0f, reference_type: 0x10, compile_unit: 0x11, structure_type: 0x13,
  subroutine_type: 0x15, typedef: 0x16, union_type: 0x17, variant: 0x19, inlined_subroutine: 0x1d,
  subrange_type: 0x21, base_type: 0x24, const_type: 0x26, enumerator: 0x28, subprogram: 0x2e,
  template_type_parameter: 0x2f, unspecified_parameters: 0x18, template_value_parameter: 0x30, variant_part: 0x33, inheritance: 0x1c, variable: 0x34, namespace: 0x39, unspecified_type: 0x3b,
} as const;

export const DW_AT = {
  sibling: 0x01, location: 0x02, name: 0x03, byte_size: 0x0b, stmt_list: 0x10, low_pc: 0x11,
  high_pc: 0x12, language: 0x13, discr: 0x15, discr_value: 0x16, comp_dir: 0x1b, const_value: 0x1c,
  containing_type: 0x1d, inline: 0x20, lower_bound: 0x22, producer: 0x25, prototyped: 0x27,
  upper_bound: 0x2f, abstract_origin: 0x31, accessibility: 0x32, address_class: 0x33, artificial: 0x34,
  count: 0x37, data_member_location: 0x38, decl_column: 0x39, decl_file: 0x3a, decl_line: 0x3b,
  declaration: 0x3c, encoding: 0x3e, external: 0x3f, frame_base: 0x40, type: 0x49, ranges: 0x55,
  call_column: 0x57, call_file: 0x58, call_line: 0x59, data_bit_offset: 0x6b, enum_class: 0x6d,
  linkage_name: 0x6e, main_subprogram: 0x6a, noreturn: 0x87, alignment: 0x88, bit_size: 0x0d,
  calling_convention: 0x36, specification: 0x47, default_value: 0x1e, GNU_vector: 0x2107,
} as const;

export const DW_FORM = {
  addr: 0x01, block1: 0x0a, data2: 0x05, data4: 0x06, data8: 0x07, string: 0x08, data1: 0x0b, flag: 0x0c,
  sdata: 0x0d, strp: 0x0e, udata: 0x0f, ref4: 0x13, sec_offset: 0x17, exprloc: 0x18,
  flag_present: 0x19, line_strp: 0x1f,
} as const;

export const DW_OP = {
  addr: 0x03, deref: 0x06, const8u: 0x0e, GNU_push_tls_address: 0xe0, plus_uconst: 0x23, reg0: 0x50, breg0: 0x70, fbreg: 0x91, call_frame_cfa: 0x9c,
} as const;

/** Base type encodings. */
export const DW_ATE = {
  address: 0x01, boolean: 0x02, float: 0x04, signed: 0x05, signed_char: 0x06, unsigned: 0x07,
  unsigned_char: 0x08, UTF: 0x10,
} as const;

export const DW_LANG_Rust = 0x1c;

/** Children flag of an abbreviation. */
export const DW_CHILDREN_no = 0, DW_CHILDREN_yes = 1;

export const DW_UT_compile = 0x01;

export const DW_LNS = {
  copy: 1, advance_pc: 2, advance_line: 3, set_file: 4, set_column: 5, negate_stmt: 6,
  set_basic_block: 7, const_add_pc: 8, fixed_advance_pc: 9, set_prologue_end: 10,
} as const;

export const DW_LNE = { end_sequence: 1, set_address: 2 } as const;

export const DW_LNCT = { path: 1, directory_index: 2 } as const;

export const DW_RLE = { end_of_list: 0, start_length: 7 } as const;
export const DW_LLE = { end_of_list: 0, start_length: 8 } as const;

/** DW_AT_accessibility values. */
export const DW_ACCESS = { public: 1, protected: 2, private: 3 } as const;
