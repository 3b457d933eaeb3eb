"""The closed vocabularies of the input contract and of the decision, spelled once.

Every module that validates, reads, offers or matches one of these words imports it from here: the
input model (``adapters.input_json``), the web form (``adapters.web_form``), the note reader's field
list (``adapters.text.rules``), the guidance features (``domain.guidance``) and the schemas of the
knowledge files (``adapters.kbfiles.schemas``), which refuse a YAML file that uses any other word.

Clinical knowledge with a source (rating bands, stage classes, TNM categories, citations) is not here:
it lives in the knowledge YAML files and reaches the code through ``Knowledge``. Pure data, no imports.
"""

from __future__ import annotations

# ---------------------------------------------------------------- input contract values
SETTINGS = ("new_diagnosis", "surveillance", "suspected_local_recurrence", "suspected_distant_recurrence")
TREATED_SETTINGS = SETTINGS[1:]  # the settings of a cancer already treated
PRIOR_SURGERY = ("bct", "mastectomy")
HISTOLOGIES = ("IDC", "ILC", "NOS", "mixed", "DCIS", "other")
PURPOSES = ("locoregional", "distant")
RECEPTOR_VALUES = ("positive", "negative")
HER2_VALUES = (*RECEPTOR_VALUES, "equivocal")
SEXES = ("female", "male")
PATIENT_PREFERENCES = ("requests_imaging",)
GRADES = (1, 2, 3)

# ---------------------------------------------------------------- input contract fields
# The contract's single-value fields, as dotted paths, in the contract's order. "symptoms" is a list of
# codes; "labs" and "tumor_markers" are objects keyed by a code of the knowledge base (LAB_GROUPS).
TUMOR_FIELDS = ("histology", "size_cm", "t", "n", "m", "grade", "er", "pr", "her2", "inflammatory")
PATHOLOGY_FIELDS = ("t", "n")
LAB_GROUPS = ("labs", "tumor_markers")
# top-level keys of the contract, in order
TOP_FIELDS = (
    "age", "sex", "setting", "prior_surgery", "tumor", "symptoms", *LAB_GROUPS, "pathology",
    "patient_preference", "order", "purpose",
)  # fmt: skip
SCALAR_FIELDS = (
    "age", "sex", "setting", "prior_surgery", *(f"tumor.{f}" for f in TUMOR_FIELDS),
    *(f"pathology.{f}" for f in PATHOLOGY_FIELDS), "patient_preference", "order", "purpose",
)  # fmt: skip

# ---------------------------------------------------------------- AJCC 8 stage groups, in order
STAGES = ("0", "IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV")
STAGE_CLASSES = ("early", "late", "in_situ", "metastatic")

# ---------------------------------------------------------------- ACR appropriateness categories
CATEGORY_UA = "Usually Appropriate"
CATEGORY_MBA = "May Be Appropriate"
CATEGORY_MBAD = "May Be Appropriate (Disagreement)"
CATEGORY_UNA = "Usually Not Appropriate"
CATEGORIES = (CATEGORY_UA, CATEGORY_MBA, CATEGORY_MBAD, CATEGORY_UNA)

# ---------------------------------------------------------------- verdicts on systemic imaging (README, "Output")
NOT_RECOMMENDED = "not_recommended"
RECOMMENDED = "recommended"
INDIVIDUALIZE = "individualize"
TARGETED = "targeted"
NOT_APPLICABLE = "not_applicable"
UNDETERMINED = "undetermined"
VERDICTS = (NOT_RECOMMENDED, RECOMMENDED, INDIVIDUALIZE, TARGETED, NOT_APPLICABLE, UNDETERMINED)
# the verdict the stage alone gives, red flags aside, never "targeted"
STAGING_VERDICTS = tuple(v for v in VERDICTS if v != TARGETED)
