package model

// ScopeNew (`is:new`): the posting is new — first seen since the previous
// launch, or since the time the user asked for. The Annotations given to
// Filter answer it when they implement [NewSet]; otherwise nothing is new.
// Its Text is empty.
const ScopeNew Scope = maxScope + 1

// NewSet tells which postings are new (see [ScopeNew]). It must be safe
// for concurrent reads.
type NewSet interface {
	IsNew(id string) bool
}

// isNew reports whether ann says posting id is new.
func isNew(ann Annotations, id string) bool {
	ns, ok := ann.(NewSet)
	return ok && ns.IsNew(id)
}

// WithNew returns ann (nil: none) answering is:new from ns too.
func WithNew(ann Annotations, ns NewSet) Annotations {
	return withNew{ann, ns}
}

type withNew struct {
	Annotations
	ns NewSet
}

func (w withNew) Shortlisted(id string) bool {
	return w.Annotations != nil && w.Annotations.Shortlisted(id)
}

func (w withNew) Tags(id string) []string {
	if w.Annotations == nil {
		return nil
	}
	return w.Annotations.Tags(id)
}

func (w withNew) IsNew(id string) bool { return w.ns != nil && w.ns.IsNew(id) }
