// Preloaded into a measured child (node --import): reports its own peak RSS on stderr as it exits.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_MB=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`));
