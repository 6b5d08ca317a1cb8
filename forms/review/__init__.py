"""The ministry's review of filings: who may see and decide (access), the
transitions and their audit trail (actions), what a resubmission changed
(diff), and the notifications the applicant gets (notices)."""
