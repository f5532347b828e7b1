export { bool, f32, f64, i32, i64, str, u16, u32, u64, u8 } from "./scalars.js";
export { mapOf, slice, type GoMapType, type GoSliceType } from "./collections.js";
export { struct, type GoStructType, type StructField, type StructFields, type StructValue } from "./struct.js";
export { jsonName, omitempty, omitemptyPointer, type GoOptionalType } from "./field-tags.js";
export { isGoNil, nilMap, nilSlice } from "./go-nil.js";
export type { GoMapKeyType, GoType, GoValueOf } from "./go-type.js";
export type { JsonNode } from "./json-node.js";
export type { JsonScanner } from "./json-scanner.js";
