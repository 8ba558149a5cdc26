// The one place that copies non-TypeScript assets (icons, codex JSON, example workflows) into dist/.
const { src, dest, parallel } = require('gulp');

function copyNodeAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

function copyExamples() {
	return src('examples/*.json', { base: '.', allowEmpty: true }).pipe(dest('dist'));
}

exports.build = parallel(copyNodeAssets, copyExamples);
