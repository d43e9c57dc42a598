package loader

// FieldNames returns the canonical names of the fields a user may give
// extra keys for (the config file's [fields] table, see [NewFieldAliases]),
// in a fixed order: the names `jobdeck list --json` gives them, "tags"
// being another name of "keywords". The slice is the caller's.
func FieldNames() []string {
	out := make([]string, len(canonicalFields))
	for i, c := range canonicalFields {
		out[i] = c.name
	}
	return out
}
