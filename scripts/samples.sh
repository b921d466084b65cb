# Sourced by the test scripts: sets `samples` to the folder of the public topology samples,
# `$HADR_RULES_SAMPLES` or else ../shared/samples/topology-xml beside the repository, or to ""
# after a "skipped" line (naming `samples_use`, what they serve) when it is missing. Where the samples must be there (HADR_RULES_SAMPLES
# set, or CI=true) a missing folder fails the script instead.
samples=${HADR_RULES_SAMPLES:-../shared/samples/topology-xml}
if [[ ! -d $samples ]]; then
  if [[ -n ${HADR_RULES_SAMPLES:-} || ${CI:-} == true ]]; then
    echo "the topology samples are required here (HADR_RULES_SAMPLES or CI=true), but $samples is not a directory" >&2
    exit 1
  fi
  echo "skipped: ${samples_use:-the tests on the topology samples} (no $samples; set HADR_RULES_SAMPLES to their folder)"
  samples=""
fi
