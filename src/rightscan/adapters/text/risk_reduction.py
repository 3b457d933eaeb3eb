"""round 29c: a drug or an excision for a breast lesion that is not a cancer is risk reduction, not cancer treatment.

A high-risk clinic's note tells of lobular carcinoma in situ or atypical hyperplasia excised and tamoxifen taken to
lower the risk ("hx L classic LCIS on excision 2021, tamoxifen x 2 y (stopped - hot flashes), in annual MRI/mammo
program"). LCIS and atypia are markers of risk, not a staged cancer (annotation guide 2, tumor.histology; the setting's
recurrences need a treated breast cancer): a treatment named in a sentence that names one of them and no cancer is no
treated cancer, so a new finding there is no suspected recurrence. Plain data work.
"""

from __future__ import annotations

import re

# the risk lesion, or the purpose said in words
_RISK = re.compile(
    r"\b(?:LCIS|lobular\s+carcinoma\s+in[- ]situ|ALH|ADH|atypical\s+(?:ductal|lobular)\s+hyperplasia|atypia|"
    r"risk[- ]reduc\w*|chemoprevention|chemo-prevention|preventive\s+(?:tamoxifen|therapy|endocrine))\b",
    re.IGNORECASE,
)
# a cancer named in the same sentence (once the in-situ lobular lesion's own words are taken out)
_CANCER = re.compile(
    r"\b(?:IDC|ILC|DCIS|TNBC|invasive|infiltrating|carcinoma|cancer|ca|malignan\w*|tumou?r|metasta\w*)\b", re.IGNORECASE
)
_LCIS_WORDS = re.compile(r"\blobular\s+carcinoma\s+in[- ]situ\b", re.IGNORECASE)


def risk_reducing(sentence: str) -> bool:
    """The sentence names LCIS, atypia or risk reduction, and no cancer."""
    return bool(_RISK.search(sentence)) and not _CANCER.search(_LCIS_WORDS.sub(" ", sentence))
