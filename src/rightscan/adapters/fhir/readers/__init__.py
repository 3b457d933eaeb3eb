"""One reader per FHIR resource type: each turns a validated resource into candidate values (and
reported codes) on the ``Gathered`` state; none decides a field alone (``assemble`` resolves them)."""
