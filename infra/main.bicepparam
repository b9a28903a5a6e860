// Parameters for the Azure CLI (az deployment group create -g <group> -p infra/main.bicepparam), read from the
// environment so that no value, and no secret, is written in a file. The Agents Toolkit uses main.parameters.json.
using 'main.bicep'

param baseName = readEnvironmentVariable('BASE_NAME', 'focusbot')
param containerImage = readEnvironmentVariable('CONTAINER_IMAGE', '')
param backendAudience = readEnvironmentVariable('BACKEND_AUDIENCE')
param tabAppId = readEnvironmentVariable('TAB_APP_ID')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
