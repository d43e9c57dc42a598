package loader

// ParseMeta is parse without the body, as Stream runs it when bodies are
// not kept.
var ParseMeta = func(name string, data []byte) any { return parse(name, data, false) }
