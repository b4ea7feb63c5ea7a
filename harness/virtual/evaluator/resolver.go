package main

import "github.com/prometheus/prometheus/util/osutil"

// warmResolver looks the host name up once outside any synctest bubble. The scrape manager's
// offset seed looks it up too (GetFQDN), and the resolver's config, with a channel of its own,
// must not be created inside one bubble and used from the next.
func warmResolver() { _, _ = osutil.GetFQDN() }
