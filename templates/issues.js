AGIssues({{ data }});
