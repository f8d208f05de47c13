"""zcbatch: batch checking and documents for self-appointed professional titles.

HR analysts in the Tianjin Economic-Technological Development Area prepare
their company's yearly self-appointment of junior and intermediate titles
(自主聘任初（中）级职称). zcbatch reads the whole batch from Excel, validates
every field, applies the eligibility rules, reports each problem at its cell
and fills the Word documents for the approved applicants.
"""

__version__ = "0.1.0"
