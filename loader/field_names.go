package loader

// fieldNames are the canonical names of the posting fields, as `jobdeck list
// --json` names them; "tags" is another name of "keywords".
var fieldNames = []string{
	"title", "company", "location", "date", "keywords", "tags", "url", "apply_url",
	"salary", "employment_type", "remote",
}

// FieldNames returns the canonical names of the fields a user may give
// extra frontmatter keys for (the config file's [fields] table), in a
// fixed order. The slice is the caller's.
func FieldNames() []string {
	return append([]string(nil), fieldNames...)
}
