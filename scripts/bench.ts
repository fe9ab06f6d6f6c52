/** `npm run bench`: the benchmark suite. The measurements arrive with the benchmark work. */
console.log('no benchmarks yet');
