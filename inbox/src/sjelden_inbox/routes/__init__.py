"""HTTP routes, grouped by who calls them: anyone, installations, registry staff."""
